using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>
/// The common shape of strategies driven by a seed per execution (random walk, PCT): execution i uses seed
/// <c>Seed + i</c>, and a seed alone decides its execution, so any one can be re-run by its seed.
/// </summary>
internal abstract class SeededStrategy : IExplorationStrategy
{
    private readonly long _firstSeed;
    private readonly int _iterations;
    private int _next;

    protected SeededStrategy(long firstSeed, int iterations)
    {
        _firstSeed = firstSeed;
        _iterations = iterations;
    }

    public bool Exhausted => false;

    public bool PrunedByBound => false;

    public long? CurrentSeed { get; private set; }

    /// <summary>The generator of the current execution, reset from its seed at its start.</summary>
    protected SplitMix64 Random;

    public virtual bool BeginExecution()
    {
        if (_next >= _iterations)
            return false;
        CurrentSeed = _firstSeed + _next++;
        StartExecution(CurrentSeed.Value);
        return true;
    }

    public virtual void RestartExecution() => StartExecution(CurrentSeed!.Value);

    /// <summary>Resets per-execution state from the seed.</summary>
    protected virtual void StartExecution(long seed) => Random = new SplitMix64(seed);

    public abstract int ChooseThread(Execution execution, ulong enabled, int fallback);

    public int ChooseValue(Execution execution, int count) => Random.Below(count);

    public int TakeReadConstraint(int thread) => -1;

    public void OnExecute(Execution execution, int step, LogicalThread thread, in Operation op)
    {
    }

    public void OnBlocked(Execution execution, LogicalThread thread)
    {
    }

    public void OnSpawn(LogicalThread parent, LogicalThread child)
    {
    }

    public void OnFinish(Execution execution, LogicalThread thread)
    {
    }

    public virtual void EndExecution(Execution execution)
    {
    }

    /// <summary>The <paramref name="index"/>-th set bit of <paramref name="mask"/>.</summary>
    protected static int NthThread(ulong mask, int index)
    {
        for (var t = 0; ; t++)
        {
            if ((mask & (1UL << t)) != 0 && index-- == 0)
                return t;
        }
    }
}
