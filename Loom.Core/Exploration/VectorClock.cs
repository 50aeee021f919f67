using System;

namespace Loom.Exploration;

/// <summary>
/// A vector clock over logical threads: entry t is how far thread t's history is known. Used for the
/// happens-before relation between dependent operations in partial-order reduction.
/// </summary>
internal sealed class VectorClock
{
    private int[] _entries;

    public VectorClock(int threads = 4) => _entries = new int[Math.Max(threads, 1)];

    private VectorClock(int[] entries) => _entries = entries;

    /// <summary>Thread <paramref name="thread"/>'s entry (0 if never set).</summary>
    public int this[int thread] => thread < _entries.Length ? _entries[thread] : 0;

    public void Set(int thread, int value)
    {
        Grow(thread + 1);
        _entries[thread] = value;
    }

    /// <summary>Raises every entry to at least <paramref name="other"/>'s.</summary>
    public void Join(VectorClock other)
    {
        Grow(other._entries.Length);
        for (var i = 0; i < other._entries.Length; i++)
        {
            if (other._entries[i] > _entries[i])
                _entries[i] = other._entries[i];
        }
    }

    public VectorClock Copy() => new((int[])_entries.Clone());

    public void CopyFrom(VectorClock other)
    {
        Grow(other._entries.Length);
        Array.Clear(_entries);
        other._entries.CopyTo(_entries, 0);
    }

    private void Grow(int length)
    {
        // Doubling stops at the thread limit: two clocks of different lengths that join each other in turn
        // would otherwise double each other without end (a few dozen queued continuations reached gigabytes).
        if (length > _entries.Length)
            Array.Resize(ref _entries, Math.Max(length, Math.Min(_entries.Length * 2, LoomOptions.MaxThreads)));
    }
}
