using System;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: dining philosophers. Each of n philosophers takes the fork on their left, then the fork on their right;
/// if every philosopher takes their left fork before anyone takes a right one, the forks form a cycle of waits
/// and all deadlock. That needs every philosopher but the last to be preempted while holding one fork, so the
/// bug needs n - 1 preemptions.
/// Fix: resource ordering. Every philosopher takes the lower-numbered of their two forks first, so the last
/// philosopher reaches for fork 0 first and the cycle cannot close.
/// </summary>
public static class DiningPhilosophers
{
    /// <summary>The corpus entry for <paramref name="philosophers"/> philosophers.</summary>
    /// <param name="philosophers">How many philosophers (and forks) sit at the table; at least 2.</param>
    /// <returns>The entry, which needs a preemption bound of <paramref name="philosophers"/> - 1.</returns>
    public static CorpusProgram For(int philosophers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(philosophers, 2);
        return new CorpusProgram(
            Name: $"dining-philosophers-{philosophers}",
            Bug: $"{philosophers} philosophers each lock their left fork then their right; all holding their left fork is a cycle of waits.",
            Fix: "Each philosopher locks the lower-numbered of their two forks first (resource ordering).",
            Buggy: () => Dine(philosophers, ordered: false),
            Fixed: () => Dine(philosophers, ordered: true),
            ExpectedKind: FailureKind.Deadlock,
            Options: new LoomOptions { PreemptionBound = philosophers - 1 })
        {
            PreemptionsNeeded = philosophers - 1,
            RandomIterations = philosophers <= 3 ? 2000 : null,
            PctIterations = philosophers <= 3 ? 2000 : null,
            PctDepth = philosophers,
        };
    }

    private static void Dine(int count, bool ordered)
    {
        var forks = new Lock[count];
        for (var i = 0; i < count; i++)
            forks[i] = new Lock();
        var meals = new int[1];
        var philosophers = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            var left = i;
            var right = (i + 1) % count;
            var first = ordered ? Math.Min(left, right) : left;
            var second = ordered ? Math.Max(left, right) : right;
            philosophers[i] = new Thread(() =>
            {
                using (forks[first].EnterScope())
                using (forks[second].EnterScope())
                    Interlocked.Increment(ref meals[0]);
            });
        }
        foreach (var philosopher in philosophers)
            philosopher.Start();
        foreach (var philosopher in philosophers)
            philosopher.Join();
        Check.That(Volatile.Read(ref meals[0]) == count, "Every philosopher should have eaten once.");
    }
}
