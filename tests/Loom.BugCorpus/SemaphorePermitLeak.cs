using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a semaphore permit leaks on the contended path. A one-connection pool is guarded by a
/// <see cref="SemaphoreSlim"/>. The fast path (<c>Wait(0)</c> succeeded) releases in a <c>finally</c>; the slow
/// path, taken only when another caller holds the connection, forgets to release. Without contention the code
/// is correct, so only an interleaving where the two callers overlap loses the permit, after which the next
/// caller waits forever.
/// Fix: both paths release the permit in a <c>finally</c>.
/// </summary>
public static class SemaphorePermitLeak
{
    private const int CallsPerWorker = 2;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "semaphore-permit-leak",
        Bug: "A SemaphoreSlim-guarded pool releases on the uncontended path only; a caller that had to wait keeps the permit and the next caller waits forever.",
        Fix: "Both paths release the permit in a finally block.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Deadlock,
        Options: new LoomOptions())
    {
        PreemptionsNeeded = 1,
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(releaseWhenContended: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(releaseWhenContended: true);

    private static void Run(bool releaseWhenContended)
    {
        using var pool = new SemaphoreSlim(1, 1);
        var uses = new int[1];
        var first = new Thread(() => Work(pool, uses, releaseWhenContended));
        var second = new Thread(() => Work(pool, uses, releaseWhenContended));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(uses[0] == 2 * CallsPerWorker, "Every call should have used the connection.");
        Check.That(pool.CurrentCount == 1, "The pool's permit leaked.");
    }

    private static void Work(SemaphoreSlim pool, int[] uses, bool releaseWhenContended)
    {
        for (var call = 0; call < CallsPerWorker; call++)
            UseConnection(pool, uses, releaseWhenContended);
    }

    private static void UseConnection(SemaphoreSlim pool, int[] uses, bool releaseWhenContended)
    {
        if (pool.Wait(0))
        {
            try
            {
                Interlocked.Increment(ref uses[0]);
            }
            finally
            {
                pool.Release();
            }
            return;
        }

        // Contended: wait for the connection.
        pool.Wait();
        if (releaseWhenContended)
        {
            try
            {
                Interlocked.Increment(ref uses[0]);
            }
            finally
            {
                pool.Release();
            }
        }
        else
        {
            Interlocked.Increment(ref uses[0]);
        }
    }
}
