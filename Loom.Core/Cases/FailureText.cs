using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Loom.Cases;

/// <summary>
/// The message of a failed case: what failed, the interleaving, and how to re-run exactly that case (the
/// runner commands come from the adapter, the attribute forms from here).
/// </summary>
public static class FailureText
{
    /// <summary>The most failures of one group case whose full report is printed; the rest are listed by id.</summary>
    public const int MaxFullReports = 3;

    /// <summary>Composes the message of a failed case.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="settings">The theory's settings.</param>
    /// <param name="caseDisplayName">The failed case's display name.</param>
    /// <param name="outcome">What the case found; must not have passed.</param>
    /// <param name="runnerCommands">The framework's commands that re-run one schedule or seed case alone (filter lines).</param>
    /// <returns>The message.</returns>
    public static string Compose(
        MethodIdentity method,
        LoomTheorySettings settings,
        string caseDisplayName,
        CaseOutcome outcome,
        Func<LoomCase, IEnumerable<string>> runnerCommands)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(runnerCommands);
        if (outcome.Problem is not null)
            return outcome.Problem;

        var nl = Environment.NewLine;
        var sb = new StringBuilder();
        var failures = outcome.Failures;
        sb.Append(failures.Count == 1
            ? $"Loom found a failing interleaving in {caseDisplayName}."
            : $"Loom found {failures.Count} failing interleavings in {caseDisplayName}.");
        sb.Append(nl);
        if (outcome.Case.Kind is LoomCaseKind.ContinuedExploration or LoomCaseKind.FullExploration && outcome.Case.Problem is not null)
            sb.Append("(This case explores the whole space because ").Append(outcome.Case.Problem).Append(".)").Append(nl);

        for (var i = 0; i < failures.Count; i++)
        {
            var failure = failures[i];
            sb.Append(nl);
            if (failures.Count > 1)
                sb.Append($"Failure {i + 1} of {failures.Count}, {failure.Rerun.Label}:").Append(nl);
            if (i < MaxFullReports)
                sb.Append(failure.Failure.Report.TrimEnd()).Append(nl);
            else
                sb.Append($"{failure.Failure.Kind}: {failure.Failure.Message} (run the case alone for its trace)").Append(nl);

            sb.Append(nl).Append($"Re-run exactly this {(failure.Rerun.Kind == LoomCaseKind.Seed ? "seed" : "schedule")} alone:").Append(nl);
            foreach (var command in runnerCommands(failure.Rerun))
                sb.Append("  ").Append(command).Append(nl);
            foreach (var form in AttributeForms(settings, failure))
                sb.Append("  in code: ").Append(form).Append(nl);
            if (failure.RegressionLine is { } line)
            {
                sb.Append($"Recorded in {outcome.RegressionsPath} (line {line.ToString(CultureInfo.InvariantCulture)}): ")
                  .Append("it is discovered and run first, as its own case, until you delete that line.").Append(nl);
            }
        }
        if (outcome.RecordingError is not null)
            sb.Append(nl).Append("Note: ").Append(outcome.RecordingError).Append(nl);
        return sb.ToString().TrimEnd();
    }

    /// <summary>The attribute forms that pin a failure in code.</summary>
    /// <param name="settings">The theory's settings.</param>
    /// <param name="failure">The failure.</param>
    /// <returns>For example <c>[LoomTheory(Schedule = "1@3 0@5")]</c>.</returns>
    public static IEnumerable<string> AttributeForms(LoomTheorySettings settings, CaseFailure failure)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Rerun.Kind == LoomCaseKind.Seed)
        {
            var depth = settings.PctDepth is { } d ? $", PctDepth = {d}" : "";
            yield return $"[LoomTheory(Strategy = LoomStrategy.{LoomTheorySettings.StrategyName(settings.EffectiveStrategy)}{depth}, FirstSeed = {failure.Rerun.Seed}, Seeds = 1)]";
        }
        yield return $"[LoomTheory(Schedule = \"{failure.Failure.ScheduleId}\")]";
    }
}
