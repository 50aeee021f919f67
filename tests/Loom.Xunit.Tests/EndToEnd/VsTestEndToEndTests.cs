using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using static Loom.Tests.EndToEnd.LoomOutput;

namespace Loom.Xunit.Tests.EndToEnd;

/// <summary>The xUnit fixture run with the real <c>dotnet test</c> under VSTest, asserting on what it printed.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class VsTestEndToEndTests
{
    private const string Buggy = "Fixture.BuggyCounterTests.Increments_are_not_lost";
    private const string BuggyGrouped = "Fixture.BuggyCounterTests.Increments_are_not_lost_grouped";
    private const string Fixed = "Fixture.FixedCounterTests";

    private readonly FixtureBuild fixture;

    public VsTestEndToEndTests(FixtureBuild fixture)
    {
        this.fixture = fixture;
        // Every test starts from no recorded failures: failures a run records make the next run list them first,
        // as regressions, which would make each test's expectations depend on the tests run before it.
        File.Delete(fixture.VsTestSource("BuggyCounterTests.loom-regressions"));
    }

    [Fact]
    public void List_tests_shows_one_case_per_seed_and_per_schedule()
    {
        var listed = fixture.VsTestList();

        Assert.Equal(
            [$"{Fixed}.Increments_are_not_lost_random [seed 0]", $"{Fixed}.Increments_are_not_lost_random [seed 1]",
             $"{Fixed}.Increments_are_not_lost_random [seed 2]", $"{Fixed}.Increments_are_not_lost_random [seed 3]",
             $"{Fixed}.Increments_are_not_lost_random [seed 4]"],
            listed.For($"{Fixed}.Increments_are_not_lost_random"));
        Assert.Equal(
            [$"{Fixed}.Increments_are_not_lost_pct [seed 10]", $"{Fixed}.Increments_are_not_lost_pct [seed 11]", $"{Fixed}.Increments_are_not_lost_pct [seed 12]"],
            listed.For($"{Fixed}.Increments_are_not_lost_pct"));
        Assert.Equal([$"{Fixed}.Replays_one_schedule [schedule 0]"], listed.For($"{Fixed}.Replays_one_schedule"));

        // Exhaustive: one case per schedule, each named by its id, the default schedule "0" first.
        var exhaustive = listed.For($"{Fixed}.Increments_are_not_lost");
        Assert.True(exhaustive.Count >= 2, listed.Result.ToString());
        Assert.Equal($"{Fixed}.Increments_are_not_lost [schedule 0]", exhaustive[0]);
        Assert.All(exhaustive, name => Assert.Matches(@"\[schedule \d+@\d+( \d+@\d+)*\]$|\[schedule 0\]$", name));
        Assert.Equal(exhaustive.Count, exhaustive.Distinct().Count());
        // The async theory explores the same model, so it has the same schedules.
        Assert.Equal(
            exhaustive.Select(n => n[n.IndexOf('[')..]),
            listed.For($"{Fixed}.Increments_are_not_lost_async").Select(n => n[n.IndexOf('[')..]));
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
        var run = fixture.VsTest("--filter", $"FullyQualifiedName={Buggy}");

        var cases = run.Cases.Where(c => c.Name.StartsWith(Buggy + " [", StringComparison.Ordinal)).ToList();
        Assert.Equal(run.Total, cases.Count);
        Assert.NotEmpty(run.Failed);
        Assert.NotEmpty(run.Passed);
        Assert.Contains(run.Passed, c => c.Name.StartsWith($"{Buggy} [schedule 0]", StringComparison.Ordinal));
        foreach (var failed in run.Failed)
        {
            var schedule = ScheduleOf(failed.Name);
            Assert.Contains($"Interleaving (schedule {schedule};", failed.Text);
            Assert.Contains("Assert.Equal() Failure", failed.Text);
            Assert.Contains("RacyCounter.cs:", failed.Text);
            Assert.Contains($"dotnet test --filter \"FullyQualifiedName={Buggy}&LoomSchedule={schedule}\"", failed.Text);
            Assert.Contains($"[LoomTheory(Schedule = \"{schedule}\")]", failed.Text);
            Assert.Contains($"--filter-trait \"LoomSchedule={schedule}\"", failed.Text);
        }
    }

    [Fact]
    public void Filtering_by_schedule_trait_reruns_exactly_one_case_and_reproduces_it()
    {
        var all = fixture.VsTest("--filter", $"FullyQualifiedName={Buggy}");
        // The longest id has several decisions, so the filter value holds spaces, as users will copy it.
        var failing = all.Failed.OrderByDescending(c => ScheduleOf(c.Name).Length).First();
        var schedule = ScheduleOf(failing.Name);
        Assert.Contains(' ', schedule);

        var again = fixture.VsTest("--filter", $"FullyQualifiedName={Buggy}&LoomSchedule={schedule}");

        Assert.Equal(1, again.Total);
        Assert.Equal(1, again.FailedCount);
        var rerun = Assert.Single(again.Cases);
        // The first run recorded the failure, so the same case now runs as a regression.
        Assert.Equal($"{failing.Name} (regression)", rerun.Name);
        Assert.Equal(InterleavingOf(failing.Text), InterleavingOf(rerun.Text));
    }

    [Fact]
    public void Filtering_by_display_name_reruns_exactly_one_case()
    {
        var listed = fixture.VsTestList("--filter", $"FullyQualifiedName={Buggy}");
        var name = listed.Names.First(n => !n.Contains("[schedule 0]", StringComparison.Ordinal));

        var run = fixture.VsTest("--filter", $"DisplayName~{Buggy} [schedule {ScheduleOf(name)}]");

        Assert.Equal(1, run.Total);
        Assert.Equal(name, Assert.Single(run.Cases).Name);
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
    public void Three_shards_run_every_case_exactly_once()
    {
        // Passing theories of every kind, plus a regressions file with a regression and problem lines.
        var filter = $"FullyQualifiedName~{Fixed}.|FullyQualifiedName~Fixture.RegressionTests.";
        var whole = fixture.VsTestList("--filter", filter).Names;
        Assert.Contains(whole, n => n.EndsWith("(regression)", StringComparison.Ordinal));

        var shards = Enumerable.Range(1, 3)
            .Select(i => fixture.VsTest(new Dictionary<string, string> { ["LOOM_SHARD"] = $"{i}/3" }, "--filter", filter))
            .ToArray();

        var ran = shards.SelectMany(s => s.Cases.Select(c => c.Name)).ToList();
        Assert.Equal(whole.Order(StringComparer.Ordinal), ran.Order(StringComparer.Ordinal));
        Assert.All(shards, s => Assert.True(s.Total > 0, s.ToString()));
        Assert.All(shards, s => Assert.Equal(s.Cases.Count, s.Total));
        // Problem cases are listed in shard 1 only, so each is reported once.
        Assert.All(shards.Skip(1), s => Assert.DoesNotContain(s.Cases, c => c.Name.Contains("[regressions line", StringComparison.Ordinal)));

        // A malformed value fails every theory with one case that says what is wrong, rather than running all or none.
        var malformed = fixture.VsTest(new Dictionary<string, string> { ["LOOM_SHARD"] = "3/2" }, "--filter", filter);
        var theories = whole.Select(n => n.Split(' ')[0]).Distinct().ToArray();
        Assert.Equal(theories.Order(StringComparer.Ordinal), malformed.Cases.Select(c => c.Name.Split(' ')[0]).Order(StringComparer.Ordinal));
        Assert.All(malformed.Cases, c => Assert.Equal("Failed", c.Outcome));
        Assert.All(malformed.Cases, c => Assert.Contains("LOOM_SHARD is '3/2', which is not a shard", c.Text));
    }

    [Fact]
    public void Every_execution_gets_a_fresh_test_class_instance()
    {
        // One grouped case runs every schedule; the body asserts it sees a new instance and that every earlier
        // instance was disposed.
        var run = fixture.VsTest("--filter", "FullyQualifiedName=Fixture.LifecycleTests.Each_execution_gets_a_fresh_instance");

        var only = Assert.Single(run.Cases);
        Assert.True(only.Outcome == "Passed", run.ToString());
        Assert.Matches(@"\[schedules 1-(\d+) of \1\]", only.Name);
        Assert.True(ReplayedSchedules(only).Length >= 2, run.ToString());
    }

    [Fact]
    public void Grouped_cases_together_replay_exactly_the_listed_schedules()
    {
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.GroupedTests.");

        Assert.Equal(0, run.FailedCount);
        var listed = run.Cases.Where(c => c.Name.StartsWith("Fixture.GroupedTests.Three_threads_listed [", StringComparison.Ordinal))
            .Select(c => ScheduleOf(c.Name)).ToArray();
        var groups = run.Cases.Where(c => c.Name.StartsWith("Fixture.GroupedTests.Three_threads_grouped [", StringComparison.Ordinal)).ToArray();
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
        var run = fixture.VsTest("--filter", $"FullyQualifiedName={BuggyGrouped}");

        // The groups are the cases named by a range.
        var groups = run.Cases.Where(c => c.Name.Contains("[schedules ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, groups.Length);
        var failedGroup = groups.First(g => g.Outcome == "Failed");
        Assert.Matches(@"\[schedules \d+-\d+ of \d+\]", failedGroup.Name);
        Assert.Contains("Interleaving (schedule ", failedGroup.Text);
        Assert.Equal(3, ReplayedSchedules(failedGroup).Length);
    }

    [Fact]
    public void Invalid_options_are_failing_cases_that_name_the_test_and_the_problem()
    {
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.InvalidOptionsTests.");

        Assert.Equal(4, run.FailedCount);
        Assert.Contains("Seeds applies to the Random and Pct strategies", run.Case("Fixture.InvalidOptionsTests.Seeds_with_exhaustive_strategy").Text);
        Assert.Contains("PreemptionBound = -1 is negative", run.Case("Fixture.InvalidOptionsTests.Negative_preemption_bound").Text);
        Assert.Contains("Seeds = -3 runs nothing", run.Case("Fixture.InvalidOptionsTests.Negative_seed_count").Text);
        var badSchedule = run.Case("Fixture.InvalidOptionsTests.Schedule_that_does_not_parse").Text;
        Assert.Contains("InvalidOptionsTests.Schedule_that_does_not_parse", badSchedule);
        Assert.Contains("Schedule = \"1@x\" does not parse", badSchedule);
    }

    [Fact]
    public void Committed_regressions_file_runs_its_schedule_first_and_reports_malformed_lines()
    {
        var listed = fixture.VsTestList("--filter", "FullyQualifiedName~Fixture.RegressionTests.");
        var run = fixture.VsTest("--filter", "FullyQualifiedName~Fixture.RegressionTests.");

        Assert.Equal("Fixture.RegressionTests.Recorded_schedule_runs_first [schedule 0] (regression)",
            listed.Names.First(n => !n.Contains("regressions line", StringComparison.Ordinal)));
        Assert.Equal("Passed", run.Case("Fixture.RegressionTests.Recorded_schedule_runs_first [schedule 0] (regression)").Outcome);
        // Results are printed as cases finish, and a class's cases run one at a time: the regression ran first.
        Assert.Equal("Fixture.RegressionTests.Recorded_schedule_runs_first [schedule 0] (regression)",
            run.Cases.First(c => !c.Name.Contains("regressions line", StringComparison.Ordinal)).Name);
        var line6 = run.Case("Fixture.RegressionTests.Recorded_schedule_runs_first [regressions line 6]");
        Assert.Equal("Failed", line6.Outcome);
        Assert.Contains("RegressionTests.loom-regressions line 6", line6.Text);
        Assert.Contains("'schedul' should be 'schedule' or 'seed'", line6.Text);
        Assert.Equal("Failed", run.Case("Fixture.RegressionTests.Recorded_schedule_runs_first [regressions line 7]").Outcome);
        // Schedule 0 is both listed and recorded: it runs once, as the regression.
        Assert.DoesNotContain("Fixture.RegressionTests.Recorded_schedule_runs_first [schedule 0]", listed.Names);
    }

    [Fact]
    public void Failing_schedules_round_trip_through_the_regressions_file()
    {
        var file = fixture.VsTestSource("BuggyCounterTests.loom-regressions");

        var run = fixture.VsTest("--filter", $"FullyQualifiedName={Buggy}");
        var failing = run.Failed.Select(c => ScheduleOf(c.Name)).Order().ToArray();

        // Each failure is appended once, in the documented format, and the message says where.
        Assert.True(File.Exists(file), run.ToString());
        var recorded = File.ReadAllLines(file).Where(l => l.StartsWith(Buggy + " schedule ", StringComparison.Ordinal))
            .Select(l => l[(Buggy + " schedule ").Length..].Split(" #")[0]).Order().ToArray();
        Assert.Equal(failing, recorded);
        Assert.Contains("BuggyCounterTests.loom-regressions (line ", run.Failed.First().Text);

        // Re-discovery reads it back: every recorded schedule is its own case, marked and listed first.
        var listed = fixture.VsTestList("--filter", $"FullyQualifiedName={Buggy}").Names;
        Assert.Equal(failing.Select(s => $"{Buggy} [schedule {s}] (regression)").Order(), listed.Take(failing.Length).Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());
        var regressions = fixture.VsTest("--filter", $"FullyQualifiedName={Buggy}&LoomRegression=true");
        Assert.Equal(failing.Length, regressions.FailedCount);
        Assert.Equal(failing.Length, regressions.Total);

        // A second failing run does not duplicate the lines.
        fixture.VsTest("--filter", $"FullyQualifiedName={Buggy}");
        Assert.Equal(recorded.Length, File.ReadAllLines(file).Count(l => l.StartsWith(Buggy + " ", StringComparison.Ordinal)));

        // Deleting a line removes its regression case.
        var kept = File.ReadAllLines(file).Where(l => !l.Contains($"schedule {failing[0]} #", StringComparison.Ordinal) && !l.EndsWith($"schedule {failing[0]}", StringComparison.Ordinal));
        File.WriteAllLines(file, kept);
        var after = fixture.VsTestList("--filter", $"FullyQualifiedName={Buggy}").Names;
        Assert.Contains($"{Buggy} [schedule {failing[0]}]", after);
        Assert.DoesNotContain($"{Buggy} [schedule {failing[0]}] (regression)", after);
    }
}
