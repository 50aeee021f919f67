using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: a hand-rolled spin lock that tests and then sets the lock word with two separate accesses. Two threads
/// can both see it free before either sets it, and both enter the critical section.
/// Fix: take the lock word with <c>Interlocked.CompareExchange</c> (test-and-set in
/// one atomic step), spinning with <see cref="SpinWait"/> while it is held.
/// </summary>
public static class SpinLockWithoutCas
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "spin-lock-without-cas",
        Bug: "A spin lock reads the lock word and then writes it; two threads both see it free and both enter.",
        Fix: "Acquire with Interlocked.CompareExchange(ref word, 1, 0), spinning with SpinWait while it is held.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 500,
        PctIterations = 500,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(atomic: false);

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(atomic: true);

    private static void Run(bool atomic)
    {
        var state = new State();
        var first = new Thread(() => CriticalSection(state, atomic));
        var second = new Thread(() => CriticalSection(state, atomic));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(state.Entries == 2, "Both threads should have passed through the critical section.");
    }

    private static void CriticalSection(State state, bool atomic)
    {
        if (atomic)
            AcquireAtomic(state);
        else
            AcquireRacy(state);
        Check.That(Interlocked.Increment(ref state.Occupants) == 1, "Two threads are inside the spin lock's critical section.");
        state.Entries++;
        Interlocked.Decrement(ref state.Occupants);
        Volatile.Write(ref state.LockWord, 0);
    }

    private static void AcquireRacy(State state)
    {
        var spinner = new SpinWait();
        while (Volatile.Read(ref state.LockWord) != 0)
            spinner.SpinOnce();
        Volatile.Write(ref state.LockWord, 1);
    }

    private static void AcquireAtomic(State state)
    {
        var spinner = new SpinWait();
        while (Interlocked.CompareExchange(ref state.LockWord, 1, 0) != 0)
            spinner.SpinOnce();
    }

    private sealed class State
    {
        public int LockWord;
        public int Occupants;
        public int Entries;
    }
}
