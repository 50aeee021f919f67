using System.IO;
using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.Cases;

/// <summary>The case layer with the real engine: listing, grouping and running cases of small models.</summary>
public sealed class EngineBackedCaseTests
{
    [Fact]
    public void Listing_holds_every_schedule_of_the_exploration()
    {
        var settings = new LoomTheorySettings();

        var listing = ScheduleLister.List(CaseBody.From(Models.ThreeAtomicIncrements), settings);
        var explored = LoomModel.Explore(Models.ThreeAtomicIncrements, settings.BaseOptions());

        Assert.True(listing.Complete);
        Assert.True(explored.Exhausted);
        Assert.Equal(explored.Schedules, listing.Schedules);
        Assert.Equal("0", listing.Schedules[0]);
    }

    [Fact]
    public void A_failing_assertion_does_not_stop_the_listing()
    {
        var listing = ScheduleLister.List(CaseBody.From(Models.LostUpdate), new LoomTheorySettings());

        Assert.True(listing.Complete, listing.Note);
        var failing = listing.Schedules.Where(s => !LoomModel.Explore(Models.LostUpdate, new LoomOptions { Schedule = s }).Passed).ToArray();
        Assert.NotEmpty(failing);
        Assert.NotEqual(listing.Schedules.Count, failing.Length);
    }

    [Fact]
    public void A_listing_budget_smaller_than_the_space_is_partial_and_says_so()
    {
        var listing = ScheduleLister.List(CaseBody.From(Models.ThreeAtomicIncrements), new LoomTheorySettings { MaxCases = 1, MaxListedSchedules = 2 });

        Assert.False(listing.Complete);
        Assert.Equal(2, listing.Schedules.Count);
        Assert.Contains("more than 2 schedules", listing.Note);
    }

    [Fact]
    public void Groups_replay_exactly_the_schedules_of_the_whole_space()
    {
        var settings = new LoomTheorySettings { MaxCases = 3 };
        var all = LoomModel.Explore(Models.ThreeAtomicIncrements, settings.BaseOptions()).Schedules;
        var method = new MethodIdentity("T", "M", null);

        var groups = CasePlanner.Plan(method, settings, null, () => ScheduleLister.List(CaseBody.From(Models.ThreeAtomicIncrements), settings));
        var replayed = groups.SelectMany(g => CaseExecutor.Run(method, settings, g, CaseBody.From(Models.ThreeAtomicIncrements), recordRegressions: false).Summaries).ToArray();

        Assert.True(all.Count > 3);
        Assert.InRange(groups.Count, 2, 3);
        Assert.Equal(all.Select(s => $"replay of schedule {s};"), replayed.Select(r => r[r.IndexOf("replay of schedule")..(r.IndexOf(';', r.IndexOf("replay of schedule")) + 1)]));
    }

    [Fact]
    public void A_schedule_case_runs_exactly_one_execution_of_that_schedule()
    {
        var failing = LoomModel.Explore(Models.LostUpdate).Failure!.ScheduleId;
        var method = new MethodIdentity("T", "M", null);

        var outcome = CaseExecutor.Run(method, new LoomTheorySettings(), LoomCase.ForSchedule(failing), CaseBody.From(Models.LostUpdate), recordRegressions: false);

        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(failing, failure.Failure.ScheduleId);
        Assert.Equal($"schedule {failing}", failure.Rerun.Label);
        Assert.StartsWith("1 execution,", Assert.Single(outcome.Summaries));
    }

    [Fact]
    public void A_seed_case_runs_one_execution_and_is_deterministic()
    {
        var settings = new LoomTheorySettings { Strategy = LoomStrategy.Random, Seeds = 1 };
        var method = new MethodIdentity("T", "M", null);

        var first = CaseExecutor.Run(method, settings, LoomCase.ForSeed(7), CaseBody.From(Models.LostUpdate), false);
        var second = CaseExecutor.Run(method, settings, LoomCase.ForSeed(7), CaseBody.From(Models.LostUpdate), false);

        Assert.StartsWith("1 execution,", Assert.Single(first.Summaries));
        Assert.Equal(first.Passed, second.Passed);
        Assert.Equal(first.Failures.Select(f => f.Failure.ScheduleId), second.Failures.Select(f => f.Failure.ScheduleId));
    }

    [Fact]
    public void A_failure_is_recorded_beside_the_source_and_the_message_says_how_to_rerun_it()
    {
        using var temp = new TempDirectory();
        var method = new MethodIdentity("MyApp.CounterTests", "Lost_update", temp.File("CounterTests.cs"));
        var settings = new LoomTheorySettings();
        var failing = LoomModel.Explore(Models.LostUpdate).Failure!.ScheduleId;

        var outcome = CaseExecutor.Run(method, settings, LoomCase.ForSchedule(failing), CaseBody.From(Models.LostUpdate), recordRegressions: true);
        var text = FailureText.Compose(method, settings, $"MyApp.CounterTests.Lost_update [schedule {failing}]", outcome,
            c => [$"dotnet test --filter \"LoomSchedule={c.Schedule}\""]);

        var entry = Assert.Single(RegressionFile.Read(temp.File("CounterTests.loom-regressions")).Entries);
        Assert.Equal(new RegressionEntry(method.Key, failing, null, entry.Line), entry);
        Assert.Contains($"Loom found a failing interleaving in MyApp.CounterTests.Lost_update [schedule {failing}].", text);
        Assert.Contains($"Interleaving (schedule {failing};", text);
        Assert.Contains($"dotnet test --filter \"LoomSchedule={failing}\"", text);
        Assert.Contains($"[LoomTheory(Schedule = \"{failing}\")]", text);
        Assert.Contains($"CounterTests.loom-regressions (line {entry.Line})", text);
    }

    [Fact]
    public void A_seed_failure_names_the_seed_attribute_form()
    {
        var settings = new LoomTheorySettings { Strategy = LoomStrategy.Pct, Seeds = 50 };
        var seed = Enumerable.Range(0, 50).First(s => !LoomModel.Explore(Models.LostUpdate, settings.BaseOptions() with { Seed = s, Iterations = 1 }).Passed);
        var method = new MethodIdentity("T", "M", null);

        var outcome = CaseExecutor.Run(method, settings, LoomCase.ForSeed(seed), CaseBody.From(Models.LostUpdate), false);
        var text = FailureText.Compose(method, settings, "T.M", outcome, _ => []);

        Assert.Contains($"[LoomTheory(Strategy = LoomStrategy.Pct, FirstSeed = {seed}, Seeds = 1)]", text);
        Assert.Contains("Re-run exactly this seed alone:", text);
    }

    [Fact]
    public void An_unwritable_regressions_file_is_reported_not_thrown()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("CounterTests.loom-regressions"));
        var method = new MethodIdentity("T", "M", temp.File("CounterTests.cs"));
        var failing = LoomModel.Explore(Models.LostUpdate).Failure!.ScheduleId;

        var outcome = CaseExecutor.Run(method, new LoomTheorySettings(), LoomCase.ForSchedule(failing), CaseBody.From(Models.LostUpdate), true);

        Assert.False(outcome.Passed);
        Assert.Contains("could not record the failure", outcome.RecordingError);
    }
}
