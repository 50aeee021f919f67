using System.Collections.Generic;

namespace Loom.Cases;

/// <summary>What running one case found.</summary>
/// <param name="Case">The case that ran.</param>
/// <param name="Failures">Every failing execution, in run order; empty when the case passed.</param>
/// <param name="Summaries">One line per exploration the case ran, saying what was explored.</param>
/// <param name="Problem">For an invalid case, the problem it reports; otherwise <see langword="null"/>.</param>
/// <param name="RegressionsPath">The regressions file failures were recorded in, or <see langword="null"/>.</param>
/// <param name="RecordingError">Why recording a failure in the regressions file failed, or <see langword="null"/>.</param>
public sealed record CaseOutcome(
    LoomCase Case,
    IReadOnlyList<CaseFailure> Failures,
    IReadOnlyList<string> Summaries,
    string? Problem,
    string? RegressionsPath,
    string? RecordingError)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Failures.Count == 0 && Problem is null;
}
