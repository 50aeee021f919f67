using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: wrong lock. Two code paths update the same counter, each under its own lock, so the locks exclude
/// nothing and the read-modify-writes interleave: an update is lost.
/// Fix: one lock guards the datum on every path.
/// </summary>
public static class WrongLock
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "wrong-lock",
        Bug: "Two paths update one counter under two different locks; the locks exclude nothing and an update is lost.",
        Fix: "Both paths take the same lock.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        PreemptionsNeeded = 1,
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(sameLock: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(sameLock: true);

    private static void Run(bool sameLock)
    {
        var stats = new Stats();
        var requestLock = new object();
        var retryLock = sameLock ? requestLock : new object();
        var requests = new Thread(() => Add(stats, requestLock, 1));
        var retries = new Thread(() => Add(stats, retryLock, 10));
        requests.Start();
        retries.Start();
        requests.Join();
        retries.Join();
        Check.That(Volatile.Read(ref stats.Total) == 11, "An update to the total was lost.");
    }

    private static void Add(Stats stats, object gate, int amount)
    {
        Monitor.Enter(gate);
        try
        {
            // Volatile makes the read and the write two scheduling points, as they are two accesses in real code.
            var total = Volatile.Read(ref stats.Total);
            Volatile.Write(ref stats.Total, total + amount);
        }
        finally
        {
            Monitor.Exit(gate);
        }
    }

    private sealed class Stats
    {
        public int Total;
    }
}
