using System;
using System.Collections.Generic;
using Loom.Reporting;

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

    /// <summary>
    /// What the test code threw in the first failing execution, for the runner to show as the failure's cause; or
    /// <see langword="null"/> when nothing was thrown, or when the stack trace repeats so many frames (a runaway
    /// recursion) that printing it whole would flood the output; the failure text then holds it folded.
    /// </summary>
    public Exception? Thrown
    {
        get
        {
            if (FirstException is not { } thrown)
                return null;
            // Each read of StackTrace builds a new string: the one read is the one compared.
            var trace = thrown.StackTrace;
            return ReferenceEquals(StackTraceFolding.Fold(trace), trace) ? thrown : null;
        }
    }

    /// <summary>
    /// The stack trace of what the test code threw in the first failing execution, with a recursion's repeated frames
    /// folded; <see langword="null"/> when nothing was thrown.
    /// </summary>
    public string? ThrownStackTrace => StackTraceFolding.Fold(FirstException?.StackTrace);

    private Exception? FirstException => Failures.Count > 0 ? Failures[0].Failure.Exception : null;
}
