using System;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a transfer debits the source account under its lock, releases it, and only then credits the target
/// under the target's lock. Each account is always consistent, but between the two critical sections the money
/// is in neither account, and an auditor that locks both accounts sees the bank's total short.
/// Fix: the transfer holds both account locks for the debit and the credit, taking them in account-number
/// order so that two opposite transfers cannot deadlock.
/// </summary>
public static class AccountTransfer
{
    private const int OpeningBalance = 100;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "account-transfer",
        Bug: "A transfer debits under the source's lock and credits under the target's lock separately; an auditor locking both accounts in between sees money missing.",
        Fix: "The transfer holds both locks (taken in account-number order) across the debit and the credit.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        PreemptionsNeeded = 1,
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(atomic: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(atomic: true);

    private static void Run(bool atomic)
    {
        var checking = new Account(1, OpeningBalance);
        var savings = new Account(2, OpeningBalance);
        var toSavings = new Thread(() => Transfer(checking, savings, 30, atomic));
        var toChecking = new Thread(() => Transfer(savings, checking, 20, atomic));
        var auditor = new Thread(() =>
        {
            var total = WithBoth(checking, savings, () => checking.Balance + savings.Balance);
            Check.That(total == 2 * OpeningBalance, "The auditor saw money missing: a transfer was half done.");
        });
        toSavings.Start();
        toChecking.Start();
        auditor.Start();
        toSavings.Join();
        toChecking.Join();
        auditor.Join();
        Check.That(checking.Balance == 90 && savings.Balance == 110, "The final balances are wrong.");
    }

    private static void Transfer(Account from, Account to, int amount, bool atomic)
    {
        if (atomic)
        {
            WithBoth(from, to, () =>
            {
                from.Balance -= amount;
                to.Balance += amount;
                return 0;
            });
            return;
        }
        Monitor.Enter(from.Gate);
        try
        {
            from.Balance -= amount;
        }
        finally
        {
            Monitor.Exit(from.Gate);
        }
        Monitor.Enter(to.Gate);
        try
        {
            to.Balance += amount;
        }
        finally
        {
            Monitor.Exit(to.Gate);
        }
    }

    /// <summary>Runs <paramref name="action"/> holding both accounts' locks, taken in account-number order.</summary>
    private static int WithBoth(Account a, Account b, Func<int> action)
    {
        var (first, second) = a.Number < b.Number ? (a, b) : (b, a);
        Monitor.Enter(first.Gate);
        try
        {
            Monitor.Enter(second.Gate);
            try
            {
                return action();
            }
            finally
            {
                Monitor.Exit(second.Gate);
            }
        }
        finally
        {
            Monitor.Exit(first.Gate);
        }
    }

    private sealed class Account(int number, int balance)
    {
        public readonly object Gate = new();

        public int Number { get; } = number;

        public int Balance { get; set; } = balance;
    }
}
