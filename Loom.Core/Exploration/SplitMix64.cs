namespace Loom.Exploration;

/// <summary>
/// A tiny seeded generator with a fixed algorithm, so a seed picks the same schedule on every .NET version and
/// machine (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(long seed) => _state = (ulong)seed ^ 0x9E3779B97F4A7C15UL;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>).</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);
}
