using System;
using System.Collections.Generic;
using Loom.Coverage.Recording;

namespace Loom.Cases;

/// <summary>
/// Lists the schedules of an exhaustive theory at discovery time by running its exploration once, up to the
/// theory's listing budget.
/// </summary>
public static class ScheduleLister
{
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
        var options = settings.BaseOptions() with { MaxExecutions = budget, VerifyFailureReplays = false, StopAtFirstFailure = false };
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

        if (result.Exhausted)
            return new ScheduleListing(schedules, true, null);
        // Only a failure that ends any exploration (nondeterminism, a stall) stops it before the budget.
        if (result.Failures.Count > 0 && result.Executions < budget)
        {
            var failure = result.Failures[^1];
            return new ScheduleListing(schedules, false,
                $"the exploration stopped at schedule {failure.ScheduleId}, which fails ({failure.Kind}) outside the test method's own code, " +
                "so schedules after it could not be listed");
        }
        return new ScheduleListing(schedules, false, $"the space has more than {budget} schedules (MaxListedSchedules)");
    }
}
