namespace Loom.Cases;

/// <summary>Where a theory's regression cases go among its other cases.</summary>
public enum CaseOrder
{
    /// <summary>
    /// Regressions first, then the listed cases without the schedules and seeds already run as regressions. For
    /// frameworks whose test ids are computed from each case's name or key (xUnit, NUnit), so order is free.
    /// </summary>
    RegressionsFirst,

    /// <summary>
    /// Every listed case keeps its position, so a framework whose test ids are row positions (MSTest) keeps each
    /// id attached to the same schedule or seed when a failure is recorded: a listed schedule or seed that is also
    /// recorded stays in place, marked as a regression; regressions that are not listed cases (a schedule inside a
    /// group, a seed outside the range) and problems come after the listed cases.
    /// </summary>
    StablePositions,
}
