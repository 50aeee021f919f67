namespace Loom.Simulation;

/// <summary>
/// Derives independent random streams from the execution's seed, one per purpose (the network's faults, one node's
/// disk, the fault injector), so that a change in how often one part draws does not shift the faults of another.
/// </summary>
internal static class SeedStreams
{
    public static SimRandom For(long seed, string purpose) => new(Derive(seed, purpose));

    public static long Derive(long seed, string purpose)
    {
        // FNV-1a over the purpose, mixed with the seed: stable on every machine and .NET version.
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return (long)(hash ^ ((ulong)seed * 0x9E3779B97F4A7C15UL));
    }
}
