namespace Loom;

/// <summary>
/// One decision of a schedule that differs from Loom's default choice. The default at each scheduling point is
/// to keep running the current thread if it can run, otherwise the lowest-numbered runnable thread, and for a
/// load that may read several stores, the newest store.
/// </summary>
/// <param name="Step">The 0-based scheduling point the decision applies to.</param>
/// <param name="Kind">Whether the decision picks a thread or a value.</param>
/// <param name="Choice">The thread id, or the index of the value alternative (0 is the default).</param>
public readonly record struct ScheduleDecision(int Step, ScheduleDecisionKind Kind, int Choice)
{
    /// <summary>The decision's text form: <c>thread@step</c>, or <c>rchoice@step</c> for a value choice.</summary>
    public override string ToString() =>
        Kind == ScheduleDecisionKind.Thread ? $"{Choice}@{Step}" : $"r{Choice}@{Step}";
}

/// <summary>What a <see cref="ScheduleDecision"/> chooses.</summary>
public enum ScheduleDecisionKind
{
    /// <summary>Which thread runs at the step.</summary>
    Thread,

    /// <summary>Which visible store a load at the step reads.</summary>
    Value,
}
