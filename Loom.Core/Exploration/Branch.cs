namespace Loom.Exploration;

/// <summary>
/// One decision point on the exploration path: a scheduling point (which thread runs) or a load that may read
/// several stores (which value). Thread sets are bit masks by thread number.
/// </summary>
internal sealed class Branch
{
    /// <summary>The execution step the decision belongs to.</summary>
    public int Step;

    /// <summary>Whether this is a value choice rather than a thread choice.</summary>
    public bool IsValue;

    /// <summary>Threads that could run here. Replaying the path must see the same set, or the test is nondeterministic.</summary>
    public ulong Enabled;

    /// <summary>Threads that must still be tried here (DPOR's backtrack set); grows as later races are found.</summary>
    public ulong Backtrack;

    /// <summary>Threads already tried here, the current one included.</summary>
    public ulong Done;

    /// <summary>Threads whose runs from here are known to repeat interleavings already explored (the sleep set).</summary>
    public ulong Sleep;

    /// <summary>The thread running now (thread choice), or the value index (value choice).</summary>
    public int Chosen;

    /// <summary>The thread that ran the step before; switching away from it while it can run is a preemption.</summary>
    public int PreviousThread;

    /// <summary>Preemptions on the path before this decision.</summary>
    public int PreemptionsBefore;

    /// <summary>How many values a value choice has.</summary>
    public int ValueCount;

    /// <summary>
    /// Alternatives added only so that a weak load at this step could read what they store, with the thread of
    /// that load; an alternative also needed for any other reason is not in it.
    /// </summary>
    public System.Collections.Generic.Dictionary<int, int>? LoadRaceAlternatives;

    /// <summary>Alternatives needed for some reason other than a weak load (see <see cref="LoadRaceAlternatives"/>).</summary>
    public ulong OtherAlternatives;

    /// <summary>
    /// While the chosen alternative exists only for a weak load: that load's thread, whose next load must read a
    /// store made at or after this step (older ones were explored in the other order); otherwise -1.
    /// </summary>
    public int ReadConstraintThread = -1;

    /// <summary>The operation the chosen thread ran, to detect a replay that takes another path.</summary>
    public string? OperationName;

    /// <summary>Where the chosen thread's operation was called.</summary>
    public string? OperationLocation;

    /// <summary>A copy that shares nothing with this branch, for a parallel search's task or its coordinator.</summary>
    public Branch Clone()
    {
        var copy = (Branch)MemberwiseClone();
        if (LoadRaceAlternatives is not null)
            copy.LoadRaceAlternatives = new(LoadRaceAlternatives);
        return copy;
    }

    /// <summary>
    /// Whether an execution replaying this branch runs as one replaying <paramref name="other"/>: the same choice
    /// among the same options, with the same threads asleep or tried already. The backtrack set is left out: an
    /// execution below the branch does not read it.
    /// </summary>
    public bool SameDecisionAs(Branch other) =>
        Step == other.Step && IsValue == other.IsValue && Enabled == other.Enabled && Chosen == other.Chosen &&
        Done == other.Done && Sleep == other.Sleep && PreviousThread == other.PreviousThread &&
        PreemptionsBefore == other.PreemptionsBefore && ValueCount == other.ValueCount &&
        ReadConstraintThread == other.ReadConstraintThread;
}
