using System;
using System.Collections.Generic;
using System.Linq;
using Loom.Coverage.Recording;

namespace Loom.Cases;

/// <summary>
/// Lists the schedules of an exhaustive theory at discovery time by running its exploration once, up to the
/// theory's listing budget.
/// </summary>
public static class ScheduleLister
{
    /// <summary>
    /// How long discovery explores one theory before it lists what it found and leaves the rest to a continuation
    /// case, so a slow body cannot hold up the listing of the whole assembly.
    /// </summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(20);

    /// <summary>Runs the exploration and returns its schedules in exploration order.</summary>
    /// <param name="body">The test body (a fresh test class instance per execution).</param>
    /// <param name="settings">The theory's settings; must be valid and exhaustive.</param>
    /// <returns>The listing; never throws for a failing or crashing body.</returns>
    public static ScheduleListing List(CaseBody body, LoomTheorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        var budget = settings.EffectiveMaxListedSchedules;
        // Past failures of Loom's own kinds too (a deadlock in the default schedule): every schedule deserves its case.
        var options = settings.BaseOptions() with { MaxExecutions = budget, MaxDuration = TimeBudget, VerifyFailureReplays = false, StopAtFirstFailure = false };
        ExplorationResult result;
        // Listing is not a test run: loom-coverage records only what the cases reach, cached listing or not.
        var outerListing = CoverageTestContext.Listing;
        CoverageTestContext.Listing = true;
        try
        {
            // A failing assertion in the test method must not end the listing: every schedule deserves its case.
            result = body.IgnoringTestFailures().Explore(options);
        }
        catch (Exception e)
        {
            return ScheduleListing.Unavailable($"listing the schedules at discovery failed ({e.GetType().Name}: {e.Message})");
        }
        finally
        {
            CoverageTestContext.Listing = outerListing;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var schedules = new List<string>(result.Schedules.Count);
        foreach (var schedule in result.Schedules)
        {
            if (seen.Add(schedule))
                schedules.Add(schedule);
        }

        if (result.Failures.LastOrDefault(f => f.Kind == FailureKind.Stalled) is { } stalled)
        {
            return ScheduleListing.Failed(
                "discovery ran the theory to list its schedules, and a thread stalled outside Loom's control; its OS thread " +
                "was left behind, so Loom does not run the theory again until it is fixed.\n\n" + stalled.Report);
        }
        if (result.Exhausted)
            return new ScheduleListing(schedules, true, null);
        // Only a failure that ends any exploration (nondeterminism, a diverged schedule, nothing controlled) stops it before the budget.
        if (result.Failures.Count > 0 && result.Failures[^1].Kind is FailureKind.Nondeterminism or FailureKind.ScheduleDiverged or FailureKind.NothingControlled)
        {
            var failure = result.Failures[^1];
            return new ScheduleListing(schedules, false,
                $"the exploration stopped at schedule {failure.ScheduleId}, which fails ({failure.Kind}) outside the test method's own code, " +
                "so schedules after it could not be listed");
        }
        if (result.Executions < budget)
        {
            return new ScheduleListing(schedules, false,
                $"discovery lists for at most {TimeBudget.TotalSeconds:0} s per theory and listed {schedules.Count} schedules in that time");
        }
        return new ScheduleListing(schedules, false, $"the space has more than {budget} schedules (MaxListedSchedules)");
    }
}
