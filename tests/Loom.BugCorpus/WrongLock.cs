using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: wrong lock. Two code paths update the same plain counter, each under its own lock, so the locks order
/// nothing: the two read-modify-writes are a data race (and can lose an update). The counter is a
/// <see cref="TrackedField{T}"/>, so Loom checks its plain accesses for races as the .NET memory model defines them.
/// Fix: one lock guards the datum on every path.
/// </summary>
public static class WrongLock
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "wrong-lock",
        Bug: "Two paths update one plain counter under two different locks; the locks order nothing, so the accesses race.",
        Fix: "Both paths take the same lock.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.DataRace,
        Options: new LoomOptions())
    {
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
        Check.That(stats.Total.Read() == 11, "An update to the total was lost.");
    }

    private static void Add(Stats stats, object gate, int amount)
    {
        Monitor.Enter(gate);
        try
        {
            stats.Total.Write(stats.Total.Read() + amount);
        }
        finally
        {
            Monitor.Exit(gate);
        }
    }

    private sealed class Stats
    {
        // Mutable, not readonly: Loom names a tracked field by its address.
        public TrackedField<int> Total;
    }
}
