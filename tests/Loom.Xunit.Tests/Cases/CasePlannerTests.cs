using System;
using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.Cases;

public sealed class CasePlannerTests
{
    private static readonly MethodIdentity Method = new("MyApp.Tests.CounterTests", "Increments", "/src/CounterTests.cs");

    private static Func<ScheduleListing> Listing(int count, bool complete = true) =>
        () => new ScheduleListing(Enumerable.Range(0, count).Select(i => i == 0 ? "0" : $"1@{i}").ToArray(), complete, complete ? null : "too many");

    private static Func<ScheduleListing> MustNotList => () => throw new InvalidOperationException("listing was not needed");

    [Fact]
    public void Random_and_pct_theories_have_one_case_per_seed_without_running_anything()
    {
        var cases = CasePlanner.Plan(Method, new LoomTheorySettings { Strategy = LoomStrategy.Pct, Seeds = 4, FirstSeed = 10 }, null, MustNotList);

        Assert.Equal([10L, 11L, 12L, 13L], cases.Select(c => c.Seed!.Value));
        Assert.Equal(100, CasePlanner.Plan(Method, new LoomTheorySettings { Strategy = LoomStrategy.Random }, null, MustNotList).Count);
    }

    [Fact]
    public void A_replay_theory_has_exactly_its_schedule() =>
        Assert.Equal("schedule 1@3 0@5", Assert.Single(CasePlanner.Plan(Method, new LoomTheorySettings { Schedule = "1@3 0@5" }, null, MustNotList)).Label);

    [Fact]
    public void A_small_exhaustive_space_has_one_case_per_schedule_in_exploration_order()
    {
        var cases = CasePlanner.Plan(Method, new LoomTheorySettings(), null, Listing(5));

        Assert.Equal(["0", "1@1", "1@2", "1@3", "1@4"], cases.Select(c => c.Schedule));
    }

    [Theory]
    [InlineData(1000, 100)]
    [InlineData(101, 100)]
    [InlineData(7, 3)]
    [InlineData(10, 1)]
    [InlineData(99, 10)]
    public void A_large_space_is_grouped_under_the_cap_and_every_schedule_is_in_exactly_one_group(int schedules, int maxCases)
    {
        var listing = Listing(schedules)();

        var cases = CasePlanner.GroupSchedules(listing, maxCases);

        Assert.InRange(cases.Count, 1, maxCases);
        Assert.All(cases, c => Assert.Equal(LoomCaseKind.ScheduleGroup, c.Kind));
        Assert.Equal(listing.Schedules, cases.SelectMany(c => c.Schedules));
        var expectedFirst = 1;
        foreach (var group in cases)
        {
            Assert.Equal(expectedFirst, group.First);
            Assert.Equal(schedules, group.Total);
            expectedFirst = group.Last + 1;
        }
    }

    [Fact]
    public void A_partial_listing_gets_a_case_that_continues_the_exploration()
    {
        var cases = CasePlanner.Plan(Method, new LoomTheorySettings { MaxCases = 10 }, null, Listing(50, complete: false));

        Assert.Equal(10, cases.Count);
        Assert.Equal(LoomCaseKind.ContinuedExploration, cases[^1].Kind);
        Assert.Equal("schedules after 50", cases[^1].Label);
        Assert.Equal(50, cases.Take(9).Sum(c => c.Schedules.Count));
    }

    [Fact]
    public void Nothing_listed_means_one_case_for_the_whole_space()
    {
        var cases = CasePlanner.Plan(Method, new LoomTheorySettings(), null, () => ScheduleListing.Unavailable("the constructor takes parameters"));

        var only = Assert.Single(cases);
        Assert.Equal(LoomCaseKind.FullExploration, only.Kind);
        Assert.Equal("the constructor takes parameters", only.Problem);
    }

    [Fact]
    public void Regressions_come_first_and_replace_the_same_listed_schedule()
    {
        var regressions = RegressionFile.Parse("/src/CounterTests.loom-regressions", [
            "MyApp.Tests.CounterTests.Increments schedule 1@3",
            "MyApp.Tests.CounterTests.Increments schedule 9@9",
            "MyApp.Tests.CounterTests.Other schedule 1@1",
        ]);

        var cases = CasePlanner.Plan(Method, new LoomTheorySettings(), regressions, Listing(5));

        Assert.Equal(
            ["schedule 1@3 (regression)", "schedule 9@9 (regression)", "schedule 0", "schedule 1@1", "schedule 1@2", "schedule 1@4"],
            cases.Select(c => c.Label + (c.FromRegressions ? " (regression)" : "")));
    }

    [Fact]
    public void Malformed_regression_lines_become_failing_cases_naming_the_file_and_line()
    {
        var regressions = RegressionFile.Parse("/src/CounterTests.loom-regressions", ["# header", "nonsense", "MyApp.Tests.CounterTests.Increments schedule x"]);

        var problems = CasePlanner.Plan(Method, new LoomTheorySettings(), regressions, Listing(1)).Where(c => c.Kind == LoomCaseKind.Invalid).ToArray();

        Assert.Equal(["regressions line 2", "regressions line 3"], problems.Select(p => p.Label));
        Assert.StartsWith("/src/CounterTests.loom-regressions line 3", problems[1].Problem);
    }

    [Fact]
    public void A_seed_recorded_for_an_exhaustive_theory_is_a_problem()
    {
        var regressions = RegressionFile.Parse("/r", ["MyApp.Tests.CounterTests.Increments seed 3"]);

        var cases = CasePlanner.Plan(Method, new LoomTheorySettings(), regressions, Listing(1));

        Assert.Contains("records seed 3", cases[0].Problem);
    }

    [Fact]
    public void Invalid_options_produce_only_the_problem_and_run_nothing()
    {
        var regressions = RegressionFile.Parse("/r", ["MyApp.Tests.CounterTests.Increments schedule 1@3"]);

        var only = Assert.Single(CasePlanner.Plan(Method, new LoomTheorySettings { Seeds = 3 }, regressions, MustNotList));

        Assert.Equal(LoomCaseKind.Invalid, only.Kind);
        Assert.StartsWith("[LoomTheory] on CounterTests.Increments has invalid options:", only.Problem);
    }
}
