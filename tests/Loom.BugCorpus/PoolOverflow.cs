using System;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a pool of <c>n - 1</c> slots shared by <c>n</c> workers, with check-then-act admission. Each worker checks
/// the occupancy, then takes a slot, and holds it until every worker has tried (a <see cref="CountdownEvent"/>),
/// so admitted workers wait inside rather than being preempted there. The pool overflows only when all
/// <c>n</c> workers are admitted, which needs the last two to check before either takes its slot: one
/// preemption, whatever <c>n</c> is. The bug never shows with fewer than <c>n</c> workers, and the number of
/// orders in which workers can arrive grows as <c>n!</c>, so exhaustive search affords small <c>n</c> only while
/// a random walk finds it at any <c>n</c>.
/// The check reads with <c>Interlocked.Read</c> (the latest count) so that only the interleaving, not a stale
/// read, lets a worker through.
/// Fix: take the slot with a compare-and-swap loop that re-checks the capacity.
/// </summary>
public static class PoolOverflow
{
    /// <summary>The corpus entry for <paramref name="workers"/> workers and <paramref name="workers"/> - 1 slots.</summary>
    /// <param name="workers">How many workers share the pool; at least 2.</param>
    /// <param name="options">How to search for the bug; exhaustive with the default bound when <see langword="null"/>.</param>
    /// <param name="fixedOptions">How to check the fix; <paramref name="options"/> when <see langword="null"/>.</param>
    /// <param name="fixedExhausts">Whether checking the fix with those options explores its whole space.</param>
    /// <returns>The entry.</returns>
    public static CorpusProgram For(int workers, LoomOptions? options = null, LoomOptions? fixedOptions = null, bool fixedExhausts = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 2);
        var slots = workers - 1;
        return new CorpusProgram(
            Name: $"pool-overflow-{workers}",
            Bug: $"{workers} workers check a {slots}-slot pool's occupancy then take a slot, holding it until all have tried; all {workers} admitted needs {workers} workers but one preemption.",
            Fix: "Take the slot with a CompareExchange loop that re-checks the capacity.",
            Buggy: () => Run(workers, slots, atomic: false),
            Fixed: () => Run(workers, slots, atomic: true),
            ExpectedKind: FailureKind.Exception,
            Options: options ?? new LoomOptions())
        {
            FixedOptions = fixedOptions,
            FixedExhausts = fixedExhausts,
            PreemptionsNeeded = 1,
            RandomIterations = 2000,
            PctIterations = 2000,
        };
    }

    private static void Run(int workers, int slots, bool atomic)
    {
        var pool = new Pool();
        using var everyoneTried = new CountdownEvent(workers);
        var threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            threads[i] = new Thread(() =>
            {
                var admitted = atomic ? TryTakeAtomic(pool, slots) : TryTakeRacy(pool, slots);
                everyoneTried.Signal();
                if (!admitted)
                    return;
                // Hold the slot until every worker has tried to get one.
                everyoneTried.Wait();
                Interlocked.Decrement(ref pool.InUse);
            });
        }
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
        Check.That(Interlocked.Read(ref pool.InUse) == 0, "Every slot should have been given back.");
    }

    private static bool TryTakeRacy(Pool pool, int slots)
    {
        if (Interlocked.Read(ref pool.InUse) >= slots)
            return false;
        var now = Interlocked.Increment(ref pool.InUse);
        Check.That(now <= slots, "The pool handed out more slots than it has.");
        return true;
    }

    private static bool TryTakeAtomic(Pool pool, int slots)
    {
        while (true)
        {
            var inUse = Interlocked.Read(ref pool.InUse);
            if (inUse >= slots)
                return false;
            if (Interlocked.CompareExchange(ref pool.InUse, inUse + 1, inUse) == inUse)
                return true;
        }
    }

    private sealed class Pool
    {
        public long InUse;
    }
}
