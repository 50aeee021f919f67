using System.Threading;

namespace Loom.Samples;

/// <summary>
/// A hit counter as people write it: read the current count, add one, store it back. Two threads that do this
/// at the same time can both read the same count, and one hit is lost. It passes almost every stress test.
/// </summary>
public sealed class HitCounter
{
    private int _hits;

    /// <summary>The hits counted so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Counts one hit: a read and a write, which another thread can come between.</summary>
    public void Hit()
    {
        var seen = Volatile.Read(ref _hits);
        Volatile.Write(ref _hits, seen + 1);
    }

    /// <summary>Counts one hit atomically: the fix.</summary>
    public void HitAtomically() => Interlocked.Increment(ref _hits);
}
