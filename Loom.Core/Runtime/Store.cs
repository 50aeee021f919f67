using Loom.Exploration;

namespace Loom.Runtime;

/// <summary>One store to a memory location, in the location's modification order.</summary>
internal sealed class Store
{
    public Store(object? value, int thread, int epoch, int step, long sequence, VectorClock writerClock, VectorClock? released)
    {
        Value = value;
        Sequence = sequence;
        Thread = thread;
        Epoch = epoch;
        Step = step;
        WriterClock = writerClock;
        Released = released;
    }

    /// <summary>The value stored.</summary>
    public object? Value { get; }

    /// <summary>The storing thread, or -1 for the value the location held when the execution first touched it.</summary>
    public int Thread { get; }

    /// <summary>The storing thread's own clock entry at the store: the store happens before a thread whose clock has reached it.</summary>
    public int Epoch { get; }

    /// <summary>
    /// The store's place in the order all stores, of every location, become visible to other threads. Hardware
    /// is multicopy-atomic: a store becomes visible to every other thread at once, so this order is global.
    /// </summary>
    public long Sequence { get; }

    /// <summary>The execution step of the store, or -1 for the initial value.</summary>
    public int Step { get; }

    /// <summary>Everything the storing thread had seen when it stored (for loads of object references, which carry a dependency).</summary>
    public VectorClock WriterClock { get; }

    /// <summary>The clock a release or sequentially consistent store publishes to an acquiring load, or <see langword="null"/> for a plain store.</summary>
    public VectorClock? Released { get; }

    /// <summary>Whether the store happens before everything a thread with <paramref name="clock"/> does next.</summary>
    public bool HappensBefore(VectorClock clock) => Thread < 0 || clock[Thread] >= Epoch;
}
