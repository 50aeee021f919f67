using System;
using System.Collections.Generic;
using System.Threading;

namespace Loom.Bench.Peer.CoyoteModels;

/// <summary>The corpus twins built on a small data structure: a bounded buffer, two accounts, a stack.</summary>
public static partial class CorpusTwins
{
    /// <summary>bounded-buffer-stolen-wakeup, fixed: every Monitor.Wait re-checks its condition in a loop.</summary>
    public static void BoundedBufferStolenWakeup()
    {
        var buffer = new BoundedBuffer();
        var taken = new int[2];
        var producer = new Thread(() =>
        {
            buffer.Put(1);
            buffer.Put(2);
        });
        var firstConsumer = new Thread(() => taken[0] = buffer.Take());
        var secondConsumer = new Thread(() => taken[1] = buffer.Take());
        firstConsumer.Start();
        secondConsumer.Start();
        producer.Start();
        firstConsumer.Join();
        secondConsumer.Join();
        producer.Join();
        Check(taken[0] + taken[1] == 3 && taken[0] != taken[1], "Each consumer should have taken one of the two items.");
    }

    /// <summary>account-transfer, fixed: a transfer holds both account locks, taken in account-number order.</summary>
    public static void AccountTransfer()
    {
        const int openingBalance = 100;
        var checking = new Account(1, openingBalance);
        var savings = new Account(2, openingBalance);
        var toSavings = new Thread(() => Transfer(checking, savings, 30));
        var toChecking = new Thread(() => Transfer(savings, checking, 20));
        var auditor = new Thread(() =>
        {
            var total = WithBoth(checking, savings, () => checking.Balance + savings.Balance);
            Check(total == 2 * openingBalance, "The auditor saw money missing: a transfer was half done.");
        });
        toSavings.Start();
        toChecking.Start();
        auditor.Start();
        toSavings.Join();
        toChecking.Join();
        auditor.Join();
        Check(checking.Balance == 90 && savings.Balance == 110, "The final balances are wrong.");
    }

    /// <summary>treiber-stack-aba, fixed: the stack's head is an immutable (node, version) snapshot.</summary>
    public static void TreiberStackAba()
    {
        var stack = new VersionedStack();
        stack.Push(new StackNode { Value = 3 });
        stack.Push(new StackNode { Value = 2 });
        stack.Push(new StackNode { Value = 1 });
        var victimGot = new List<int>();
        var recyclerGot = new List<int>();
        var victim = new Thread(() =>
        {
            if (stack.Pop() is { } node)
                victimGot.Add(node.Value);
        });
        var recycler = new Thread(() =>
        {
            var first = stack.Pop()!;
            var second = stack.Pop()!;
            recyclerGot.Add(first.Value);
            recyclerGot.Add(second.Value);
            first.Value = 4;
            stack.Push(first);
        });
        victim.Start();
        recycler.Start();
        victim.Join();
        recycler.Join();

        var all = new List<int>(victimGot);
        all.AddRange(recyclerGot);
        while (stack.Pop() is { } rest)
        {
            all.Add(rest.Value);
            Check(all.Count <= 4, "The stack has more nodes than were pushed: it links a recycled node.");
        }
        all.Sort();
        Check(all.Count == 4 && all[0] == 1 && all[1] == 2 && all[2] == 3 && all[3] == 4, "Every pushed value should be popped exactly once: a value was duplicated or lost (ABA).");
    }

    private static void Transfer(Account from, Account to, int amount) => WithBoth(from, to, () =>
    {
        from.Balance -= amount;
        to.Balance += amount;
        return 0;
    });

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

    private sealed class BoundedBuffer
    {
        private const int Capacity = 1;
        private readonly object _gate = new();
        private readonly Queue<int> _items = new();

        public void Put(int item)
        {
            Monitor.Enter(_gate);
            try
            {
                while (_items.Count == Capacity)
                    Monitor.Wait(_gate);
                _items.Enqueue(item);
                Monitor.PulseAll(_gate);
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        public int Take()
        {
            Monitor.Enter(_gate);
            try
            {
                while (_items.Count == 0)
                    Monitor.Wait(_gate);
                var item = _items.Dequeue();
                Monitor.PulseAll(_gate);
                return item;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }

    private sealed class StackNode
    {
        public int Value;
        public StackNode? Next;
    }

    private sealed class VersionedStack
    {
        private Head _head = new(null, 0);

        public void Push(StackNode node)
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                node.Next = top.Node;
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, new Head(node, top.Version + 1), top), top))
                    return;
            }
        }

        public StackNode? Pop()
        {
            while (true)
            {
                var top = Volatile.Read(ref _head);
                if (top.Node is null)
                    return null;
                var next = new Head(top.Node.Next, top.Version + 1);
                if (ReferenceEquals(Interlocked.CompareExchange(ref _head, next, top), top))
                    return top.Node;
            }
        }

        /// <summary>A class, not a record: the compare-exchange compares identity.</summary>
        private sealed class Head(StackNode? node, long version)
        {
            public StackNode? Node { get; } = node;

            public long Version { get; } = version;
        }
    }
}
