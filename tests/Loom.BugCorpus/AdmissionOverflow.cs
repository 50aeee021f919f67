using System;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: admission control with check-then-act. A gate admits at most <c>n - 1</c> of <c>n</c> workers at once:
/// each worker checks the occupancy, then increments it. The check and the increment are separate, so the gate
/// overflows only if all <c>n</c> workers are inside together, and no worker ever blocks, so every switch on
/// the way there is a preemption: the first <c>n - 1</c> to increment are each preempted inside the gate, and
/// the last one must have checked before the <c>(n - 1)</c>-th increment, which costs one more switch away
/// from it. The bug needs exactly <c>n</c> preemptions and never shows with fewer threads. It is the corpus's
/// scaling program: exhaustive search finds it for small <c>n</c>, and the cost of finding it grows with
/// <c>n</c> for every strategy (too fast for n = 10: see <see cref="PoolOverflow"/> for the large-n program).
/// The check reads with <c>Interlocked.Read</c>, which sees the latest count: a <c>Volatile.Read</c> could read
/// a stale count under the .NET memory model and let the bug through with fewer preemptions.
/// Fix: reserve a slot atomically with a compare-and-swap loop that re-checks the capacity.
/// </summary>
public static class AdmissionOverflow
{
    /// <summary>The corpus entry for <paramref name="workers"/> workers and a capacity of <paramref name="workers"/> - 1.</summary>
    /// <param name="workers">How many workers race for the gate; at least 2.</param>
    /// <param name="options">How to search for the bug; exhaustive with bound <paramref name="workers"/> when <see langword="null"/>.</param>
    /// <param name="fixedOptions">How to check the fix; <paramref name="options"/> when <see langword="null"/>.</param>
    /// <returns>The entry.</returns>
    public static CorpusProgram For(int workers, LoomOptions? options = null, LoomOptions? fixedOptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 2);
        var capacity = workers - 1;
        return new CorpusProgram(
            Name: $"admission-overflow-{workers}",
            Bug: $"{workers} workers check the occupancy then increment it (capacity {capacity}); all {workers} inside at once needs {workers} preemptions.",
            Fix: "Reserve a slot with a CompareExchange loop that re-checks the capacity.",
            Buggy: () => Run(workers, capacity, atomic: false),
            Fixed: () => Run(workers, capacity, atomic: true),
            ExpectedKind: FailureKind.Exception,
            Options: options ?? new LoomOptions { PreemptionBound = workers })
        {
            FixedOptions = fixedOptions,
            PreemptionsNeeded = workers,
            // n preemptions are n priority changes for PCT: depth n + 1.
            PctDepth = workers + 1,
        };
    }

    private static void Run(int workers, int capacity, bool atomic)
    {
        var gate = new Gate();
        var threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
            threads[i] = new Thread(() => Work(gate, capacity, atomic));
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
        Check.That(Interlocked.Read(ref gate.Inside) == 0, "Every admitted worker should have left.");
    }

    private static void Work(Gate gate, int capacity, bool atomic)
    {
        if (!(atomic ? TryEnterAtomic(gate, capacity) : TryEnterRacy(gate, capacity)))
            return;
        // Inside the gate. The count read at entry is the occupancy the gate guarantees.
        Interlocked.Decrement(ref gate.Inside);
    }

    private static bool TryEnterRacy(Gate gate, int capacity)
    {
        if (Interlocked.Read(ref gate.Inside) >= capacity)
            return false;
        var now = Interlocked.Increment(ref gate.Inside);
        Check.That(now <= capacity, "The gate admitted more workers than its capacity.");
        return true;
    }

    private static bool TryEnterAtomic(Gate gate, int capacity)
    {
        while (true)
        {
            var inside = Interlocked.Read(ref gate.Inside);
            if (inside >= capacity)
                return false;
            if (Interlocked.CompareExchange(ref gate.Inside, inside + 1, inside) == inside)
            {
                Check.That(inside + 1 <= capacity, "The gate admitted more workers than its capacity.");
                return true;
            }
        }
    }

    private sealed class Gate
    {
        public long Inside;
    }
}
