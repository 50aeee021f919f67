namespace Loom.Cases;

/// <summary>One failing execution found while running a case, with the case that re-runs exactly it.</summary>
/// <param name="Failure">The engine's failure, with its trace and schedule id.</param>
/// <param name="Rerun">The schedule or seed case that reproduces it alone.</param>
/// <param name="RegressionLine">The line of the regressions file that records it, or <see langword="null"/> if not recorded.</param>
public sealed record CaseFailure(LoomFailure Failure, LoomCase Rerun, int? RegressionLine);
