using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: ABBA deadlock. One thread takes lock A then lock B, the other B then A; if each takes its first lock
/// before the other takes its second, both wait forever.
/// Fix: both threads take the locks in the same global order (A before B).
/// </summary>
public static class AbbaDeadlock
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "abba-deadlock",
        Bug: "One thread locks A then B, the other B then A; each can hold one lock and wait for the other.",
        Fix: "Both threads lock A before B (one global lock order).",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Deadlock,
        Options: new LoomOptions())
    {
        PreemptionsNeeded = 1,
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(reverseSecond: true);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(reverseSecond: false);

    private static void Run(bool reverseSecond)
    {
        var a = new object();
        var b = new object();
        var moved = new int[1];
        var first = new Thread(() => Move(a, b, moved));
        var second = new Thread(() =>
        {
            if (reverseSecond)
                Move(b, a, moved);
            else
                Move(a, b, moved);
        });
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(moved[0] == 2, "Both moves should have completed.");
    }

    private static void Move(object outer, object inner, int[] moved)
    {
        Monitor.Enter(outer);
        try
        {
            Monitor.Enter(inner);
            try
            {
                moved[0]++;
            }
            finally
            {
                Monitor.Exit(inner);
            }
        }
        finally
        {
            Monitor.Exit(outer);
        }
    }
}
