using System;
using System.Collections.Generic;
using System.IO;
using Loom.Coverage.Recording;

namespace Loom.Cases;

/// <summary>
/// Runs one case: exactly its schedule or seed, every schedule of a group, or the whole exploration for a
/// continuation; then records new failures in the regressions file.
/// </summary>
public static class CaseExecutor
{
    /// <summary>Runs a case.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="settings">The theory's settings (valid, unless the case is invalid).</param>
    /// <param name="loomCase">The case.</param>
    /// <param name="body">The test body; each call must start from a fresh test class instance.</param>
    /// <param name="recordRegressions">Whether to append failures to the regressions file beside the source.</param>
    /// <returns>What the case found.</returns>
    public static CaseOutcome Run(MethodIdentity method, LoomTheorySettings settings, LoomCase loomCase, CaseBody body, bool recordRegressions)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loomCase);
        ArgumentNullException.ThrowIfNull(body);

        if (loomCase.Kind == LoomCaseKind.Invalid)
            return new CaseOutcome(loomCase, Array.Empty<CaseFailure>(), Array.Empty<string>(), loomCase.Problem, null, null);

        var found = new List<(LoomFailure Failure, LoomCase Rerun)>();
        var summaries = new List<string>();
        var baseOptions = settings.BaseOptions();
        // The loom-coverage record names the case that first reached each site; set here, once, for every adapter.
        var outerTest = CoverageTestContext.CurrentTest;
        CoverageTestContext.CurrentTest = loomCase.DisplayName(method.Key.Replace('+', '.'));
        try
        {
            switch (loomCase.Kind)
            {
                case LoomCaseKind.Schedule:
                    Replay(loomCase.Schedule!);
                    break;
                case LoomCaseKind.ScheduleGroup:
                    // Every schedule of the group runs, so one failure does not hide another.
                    foreach (var schedule in loomCase.Schedules)
                        Replay(schedule);
                    break;
                case LoomCaseKind.Seed:
                    {
                        var result = body.Explore(baseOptions with { Seed = loomCase.Seed!.Value, Iterations = 1 });
                        summaries.Add(result.Summary);
                        if (result.Failure is { } failure)
                            found.Add((failure, LoomCase.ForSeed(loomCase.Seed!.Value)));
                        break;
                    }
                case LoomCaseKind.ContinuedExploration:
                case LoomCaseKind.FullExploration:
                    {
                        var result = body.Explore(baseOptions);
                        summaries.Add(result.Summary);
                        if (result.Failure is { } failure)
                            found.Add((failure, LoomCase.ForSchedule(failure.ScheduleId)));
                        break;
                    }
            }
        }
        finally
        {
            CoverageTestContext.CurrentTest = outerTest;
        }

        var regressionsPath = method.RegressionsPath;
        string? recordingError = null;
        var failures = new List<CaseFailure>();
        foreach (var (failure, rerun) in found)
        {
            int? line = null;
            if (recordRegressions && regressionsPath is not null)
            {
                try
                {
                    line = RegressionFile.Append(regressionsPath, method.Key, rerun, $"{failure.Kind}: {FirstLine(failure.Message)} ({DateTime.UtcNow:yyyy-MM-dd})");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    recordingError = $"could not record the failure in {regressionsPath}: {e.Message}";
                }
            }
            failures.Add(new CaseFailure(failure, rerun, line));
        }
        return new CaseOutcome(loomCase, failures, summaries, null, recordRegressions ? regressionsPath : null, recordingError);

        void Replay(string schedule)
        {
            var result = body.Explore(baseOptions with { Strategy = LoomStrategy.Exhaustive, Schedule = schedule });
            summaries.Add(result.Summary);
            if (result.Failure is { } failure)
                found.Add((failure, LoomCase.ForSchedule(schedule)));
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
