using System;
using System.IO;
using System.Linq;
using Xunit;
using static Loom.Tests.EndToEnd.LoomOutput;

namespace Loom.Adapters.Tests.EndToEnd;

/// <summary>
/// A framework's VSTest fixture run with the real <c>dotnet test</c>, asserting on what it printed: the same
/// behaviours as the xUnit adapter's end-to-end tests, in each framework's naming and filter syntax.
/// </summary>
public abstract class VsTestEndToEnd
{
    private const string Buggy = "Fixture.BuggyCounterTests.Increments_are_not_lost";
    private const string BuggyGrouped = "Fixture.BuggyCounterTests.Increments_are_not_lost_grouped";
    private const string Fixed = "Fixture.FixedCounterTests";

    private readonly FixtureSet fixture;

    protected VsTestEndToEnd(FixtureSet fixture)
    {
        this.fixture = fixture;
        // Every test starts from no recorded failures: failures a run records make the next run list them first,
        // as regressions, which would make each test's expectations depend on the tests run before it.
        File.Delete(fixture.VsTestSource("BuggyCounterTests.loom-regressions"));
    }

    [Fact]
    public void List_tests_shows_one_case_per_seed_and_per_schedule()
    {
        var listed = fixture.VsTestList("--filter", $"FullyQualifiedName~{Fixed}.");

        Assert.Equal(Enumerable.Range(0, 5).Select(s => fixture.CaseName("Increments_are_not_lost_random", $"seed {s}")), listed.For("Increments_are_not_lost_random"));
        Assert.Equal(Enumerable.Range(10, 3).Select(s => fixture.CaseName("Increments_are_not_lost_pct", $"seed {s}")), listed.For("Increments_are_not_lost_pct"));
        Assert.Equal([fixture.CaseName("Replays_one_schedule", "schedule 0")], listed.For("Replays_one_schedule"));

        // Exhaustive: one case per schedule, each named by its id, the default schedule "0" first.
        var exhaustive = listed.For("Increments_are_not_lost");
        Assert.True(exhaustive.Count >= 2, listed.Result.ToString());
        Assert.Equal(fixture.CaseName("Increments_are_not_lost", "schedule 0"), exhaustive[0]);
        Assert.All(exhaustive.Skip(1), name => Assert.Matches(@"schedule \d+@\d+( \d+@\d+)*[\])]$", name));
        Assert.Equal(exhaustive.Count, exhaustive.Distinct().Count());
        Assert.True(listed.For("Increments_are_not_lost_async").Count >= 2, listed.Result.ToString());
    }

    [Fact]
    public void Rediscovery_of_the_same_build_lists_the_same_cases()
    {
        var first = fixture.VsTestList();
        var second = fixture.VsTestList();

        Assert.Equal(first.Names, second.Names);
        // The second discovery read the listings the first one cached beside the test assembly.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(fixture.VsTestProject, "bin", fixture.Configuration, "net10.0", "loom-cases"), "*.txt"));
    }

    [Fact]
    public void Buggy_model_fails_only_its_failing_schedules_each_with_its_interleaving()
    {
        var run = fixture.VsTest("--filter", fixture.MethodFilter(Buggy));

        var cases = run.Cases.Where(c => c.Name.StartsWith("Increments_are_not_lost(", StringComparison.Ordinal) || c.Name.StartsWith("Increments_are_not_lost [", StringComparison.Ordinal)).ToList();
        Assert.Equal(run.Total, cases.Count);
        Assert.NotEmpty(run.Failed);
        Assert.Contains(run.Passed, c => c.Name == fixture.CaseName("Increments_are_not_lost", "schedule 0"));
        foreach (var failed in run.Failed)
        {
            var schedule = ScheduleOf(failed.Name);
            Assert.Contains($"Interleaving (schedule {schedule};", failed.Text);
            Assert.Contains("RacyCounter.cs:", failed.Text);
            Assert.Contains($"dotnet test --filter \"{fixture.ScheduleFilter(Buggy, schedule)}\"", failed.Text);
            Assert.Contains($"[LoomTheory(Schedule = \"{schedule}\")]", failed.Text);
        }
    }

    [Fact]
    public void Filtering_by_schedule_reruns_exactly_one_case_and_reproduces_it()
    {
        var all = fixture.VsTest("--filter", fixture.MethodFilter(Buggy));
        // The longest id has several decisions, so the filter holds the multi-decision form users will copy.
        var failing = all.Failed.OrderByDescending(c => ScheduleOf(c.Name).Length).First();
        var schedule = ScheduleOf(failing.Name);
        Assert.Contains(' ', schedule);

        var again = fixture.VsTest("--filter", fixture.ScheduleFilter(Buggy, schedule));

        Assert.Equal(1, again.Total);
        Assert.Equal(1, again.FailedCount);
        var rerun = Assert.Single(again.Cases);
        // The first run recorded the failure, so the same case now runs as a regression.
        Assert.Equal(fixture.CaseName("Increments_are_not_lost", $"schedule {schedule}", regression: true), rerun.Name);
        Assert.Equal(InterleavingOf(failing.Text), InterleavingOf(rerun.Text));
    }

    [Fact]
    public void Filtering_by_full_name_reruns_exactly_one_case()
    {
        var name = fixture.CaseName("Replays_one_schedule", "schedule 0");
        // A passing theory, so no run records it as a regression (which would rename it) meanwhile.
        var multi = fixture.VsTestList("--filter", "FullyQualifiedName~Fixture.GroupedTests.").For("Three_threads_listed").OrderByDescending(n => n.Length).First();
        Assert.Contains(' ', ScheduleOf(multi));

        var run = fixture.VsTest("--filter", fixture.FullNameFilter($"{Fixed}.Replays_one_schedule", name));
        var spaced = fixture.VsTest("--filter", fixture.FullNameFilter("Fixture.GroupedTests.Three_threads_listed", multi));

        Assert.True(run.Cases.Count == 1, run.ToString());
        Assert.Equal(name, run.Cases[0].Name);
        Assert.True(spaced.Cases.Count == 1, spaced.ToString());
        Assert.Equal(multi, spaced.Cases[0].Name);
    }

    [Fact]
    public void Passing_model_is_all_green()
    {
        var listed = fixture.VsTestList("--filter", $"FullyQualifiedName~{Fixed}.");

        var run = fixture.VsTest("--filter", $"FullyQualifiedName~{Fixed}.");

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(0, run.FailedCount);
        Assert.Equal(listed.Names.Count, run.PassedCount);
        Assert.Equal(listed.Names.Order(), run.Passed.Select(c => c.Name).Order());
    }

    [Fact]
    public void Set_up_and_tear_down_and_a_fresh_instance_come_with_every_execution()
    {
        // Each lifecycle case is one group that replays every schedule; its body asserts that set-up ran for it
        // alone and that every earlier execution was torn down.
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.LifecycleTests.|FullyQualifiedName~Fixture.InstancePerTestCaseTests.");

        Assert.NotEmpty(run.Cases);
        Assert.All(run.Cases, c =>
        {
            Assert.True(c.Outcome == "Passed", run.ToString());
            Assert.Matches(@"schedules 1-(\d+) of \1", c.Name);
            Assert.True(ReplayedSchedules(c).Length >= 2, run.ToString());
        });
    }

    [Fact]
    public void Grouped_cases_together_replay_exactly_the_listed_schedules()
    {
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.GroupedTests.");

        Assert.Equal(0, run.FailedCount);
        var listed = run.Cases.Where(c => c.Name.StartsWith("Three_threads_listed", StringComparison.Ordinal)).Select(c => ScheduleOf(c.Name)).ToArray();
        var groups = run.Cases.Where(c => c.Name.StartsWith("Three_threads_grouped", StringComparison.Ordinal)).ToArray();
        Assert.InRange(groups.Length, 2, 3);
        var replayed = groups.SelectMany(ReplayedSchedules).ToArray();
        Assert.Equal(replayed.Length, replayed.Distinct().Count());
        Assert.Equal(listed.Order(), replayed.Order());

        // The names say which consecutive part of the space each group covers, with no gap or overlap.
        var next = 1;
        foreach (var group in groups.Select(g => GroupRangeOf(g.Name)).OrderBy(m => int.Parse(m.Groups[1].Value)))
        {
            Assert.Equal(next, int.Parse(group.Groups[1].Value));
            Assert.Equal(listed.Length, int.Parse(group.Groups[3].Value));
            next = int.Parse(group.Groups[2].Value) + 1;
        }
        Assert.Equal(listed.Length + 1, next);
    }

    [Fact]
    public void A_group_runs_all_its_schedules_and_reports_each_failure()
    {
        var run = fixture.VsTest("--filter", fixture.MethodFilter(BuggyGrouped));

        var groups = run.Cases.Where(c => c.Name.Contains("schedules ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, groups.Length);
        var failedGroup = groups.First(g => g.Outcome == "Failed");
        Assert.Contains("Interleaving (schedule ", failedGroup.Text);
        Assert.Contains("failing interleavings in", failedGroup.Text);
        Assert.Equal(3, ReplayedSchedules(failedGroup).Distinct().Count());
    }

    [Fact]
    public void Invalid_options_are_failing_cases_that_name_the_test_and_the_problem()
    {
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.InvalidOptionsTests.");

        Assert.Equal(4, run.FailedCount);
        Assert.Contains("Seeds applies to the Random and Pct strategies", run.Case("Seeds_with_exhaustive_strategy").Text);
        Assert.Contains("PreemptionBound = -1 is negative", run.Case("Negative_preemption_bound").Text);
        Assert.Contains("Seeds = -3 runs nothing", run.Case("Negative_seed_count").Text);
        var badSchedule = run.Case("Schedule_that_does_not_parse").Text;
        Assert.Contains("InvalidOptionsTests.Schedule_that_does_not_parse", badSchedule);
        Assert.Contains("Schedule = \"1@x\" does not parse", badSchedule);
    }

    [Fact]
    public void Committed_regressions_file_runs_its_schedule_and_reports_malformed_lines()
    {
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.RegressionTests.");

        var regression = fixture.CaseName("Recorded_schedule_runs_first", "schedule 0", regression: true);
        Assert.Equal("Passed", run.Case(regression).Outcome);
        var line6 = run.Case(fixture.CaseName("Recorded_schedule_runs_first", "regressions line 6"));
        Assert.Equal("Failed", line6.Outcome);
        Assert.Contains("RegressionTests.loom-regressions line 6", line6.Text);
        Assert.Contains("'schedul' should be 'schedule' or 'seed'", line6.Text);
        Assert.Equal("Failed", run.Case(fixture.CaseName("Recorded_schedule_runs_first", "regressions line 7")).Outcome);
        // Schedule 0 is both listed and recorded: it runs once, as the regression.
        Assert.DoesNotContain(run.Cases, c => c.Name == fixture.CaseName("Recorded_schedule_runs_first", "schedule 0"));
    }

    [Fact]
    public void Failing_schedules_round_trip_through_the_regressions_file()
    {
        var file = fixture.VsTestSource("BuggyCounterTests.loom-regressions");

        var run = fixture.VsTest("--filter", fixture.MethodFilter(Buggy));
        var failing = run.Failed.Select(c => ScheduleOf(c.Name)).Order().ToArray();

        // Each failure is appended once, in the documented format, and the message says where.
        Assert.True(File.Exists(file), run.ToString());
        var recorded = File.ReadAllLines(file).Where(l => l.StartsWith(Buggy + " schedule ", StringComparison.Ordinal))
            .Select(l => l[(Buggy + " schedule ").Length..].Split(" #")[0]).Order().ToArray();
        Assert.Equal(failing, recorded);
        Assert.Contains("BuggyCounterTests.loom-regressions (line ", run.Failed.First().Text);

        // Re-discovery reads it back: every recorded schedule is its own case, marked as a regression.
        var regressions = fixture.VsTest("--filter", fixture.RegressionFilter(Buggy));
        Assert.Equal(failing.Length, regressions.FailedCount);
        Assert.Equal(failing.Length, regressions.Total);
        Assert.Equal(failing.Select(s => fixture.CaseName("Increments_are_not_lost", $"schedule {s}", regression: true)).Order(), regressions.Cases.Select(c => c.Name).Order());

        // A second failing run does not duplicate the lines.
        var second = fixture.VsTest("--filter", fixture.MethodFilter(Buggy));
        Assert.Equal(run.Total, second.Total);
        Assert.Equal(recorded.Length, File.ReadAllLines(file).Count(l => l.StartsWith(Buggy + " ", StringComparison.Ordinal)));

        // Deleting a line removes its regression case.
        var kept = File.ReadAllLines(file).Where(l => !l.Contains($"schedule {failing[0]} #", StringComparison.Ordinal) && !l.EndsWith($"schedule {failing[0]}", StringComparison.Ordinal));
        File.WriteAllLines(file, kept);
        var after = fixture.VsTest("--filter", fixture.RegressionFilter(Buggy));
        Assert.Equal(failing.Length - 1, after.Total);
        Assert.DoesNotContain(after.Cases, c => c.Name == fixture.CaseName("Increments_are_not_lost", $"schedule {failing[0]}", regression: true));
    }
}

[Collection(NUnitEndToEnd.Name)]
public sealed class NUnitVsTestEndToEndTests(NUnitFixtures fixture) : VsTestEndToEnd(fixture);

[Collection(MSTestEndToEnd.Name)]
public sealed class MSTestVsTestEndToEndTests(MSTestFixtures fixture) : VsTestEndToEnd(fixture);
