using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: <see cref="Barrier"/> misuse. Two workers run rounds of "read the neighbour's cell, then write my cell".
/// The barrier separates each round's reads from its writes, but nothing separates a round's writes from the
/// next round's reads, so a fast worker reads its neighbour's cell before the neighbour has written it for the
/// round and computes from a stale value.
/// Fix: a second barrier phase per round, after the writes.
/// </summary>
public static class BarrierMissingPhase
{
    private const int Rounds = 2;

    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "barrier-missing-phase",
        Bug: "A barrier separates each round's reads from its writes but not the writes from the next round's reads; a fast worker reads a stale neighbour cell.",
        Fix: "Signal and wait on the barrier after the writes too (two phases per round).",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(barrierAfterWrites: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(barrierAfterWrites: true);

    private static void Run(bool barrierAfterWrites)
    {
        var cells = new int[2];
        using var barrier = new Barrier(2);
        var workers = new Thread[2];
        for (var i = 0; i < 2; i++)
        {
            var me = i;
            workers[i] = new Thread(() =>
            {
                for (var round = 0; round < Rounds; round++)
                {
                    var neighbour = Volatile.Read(ref cells[1 - me]);
                    barrier.SignalAndWait();
                    Volatile.Write(ref cells[me], neighbour + 1);
                    if (barrierAfterWrites)
                        barrier.SignalAndWait();
                }
            });
        }
        foreach (var worker in workers)
            worker.Start();
        foreach (var worker in workers)
            worker.Join();
        Check.That(cells[0] == Rounds && cells[1] == Rounds, "A worker computed a round from its neighbour's stale cell.");
    }
}
