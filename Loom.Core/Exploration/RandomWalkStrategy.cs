using System.Numerics;
using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>A seeded random walk: at every scheduling point, a uniformly chosen runnable thread runs.</summary>
internal sealed class RandomWalkStrategy : SeededStrategy
{
    public RandomWalkStrategy(long firstSeed, int iterations)
        : base(firstSeed, iterations)
    {
    }

    public override int ChooseThread(Execution execution, ulong enabled, int fallback) =>
        NthThread(enabled, Random.Below(BitOperations.PopCount(enabled)));
}
