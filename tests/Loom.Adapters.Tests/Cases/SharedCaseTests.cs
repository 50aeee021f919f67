using System;
using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Adapters.Tests.Cases;

/// <summary>What the NUnit and MSTest adapters added to the shared case layer.</summary>
public sealed class SharedCaseTests
{
    private static readonly MethodIdentity Method = new("MyApp.Tests.CounterTests", "Increments", "/src/CounterTests.cs");

    private static Func<ScheduleListing> Listing(params string[] schedules) => () => new ScheduleListing(schedules, true, null);

    [Fact]
    public void Parenthesized_names_keep_every_space_inside_the_parentheses()
    {
        Assert.Equal("M(schedule 1@3 0@5)", LoomCase.ForSchedule("1@3 0@5").DisplayName("M", CaseNameStyle.Parenthesized));
        Assert.Equal("M(seed 17)", LoomCase.ForSeed(17).DisplayName("M", CaseNameStyle.Parenthesized));
        Assert.Equal("M(schedule 2@4, regression)", LoomCase.ForSchedule("2@4", fromRegressions: true).DisplayName("M", CaseNameStyle.Parenthesized));
        Assert.Equal("M(schedules 5-8 of 11)", LoomCase.ForGroup(["1@1", "1@2", "1@3", "1@4"], 5, 11).DisplayName("M", CaseNameStyle.Parenthesized));
        Assert.Equal("M", LoomCase.ForProblem("bad").DisplayName("M", CaseNameStyle.Parenthesized));
        Assert.Equal("M [schedule 1@3 0@5]", LoomCase.ForSchedule("1@3 0@5").DisplayName("M", CaseNameStyle.Bracketed));
    }

    [Fact]
    public void Filter_safe_traits_hold_no_whitespace_and_read_back_as_the_same_schedule()
    {
        var traits = LoomCase.ForSchedule("1@3 0@5").Traits(LoomStrategy.Exhaustive, filterSafe: true);

        Assert.Equal("1@3_0@5", traits.Single(t => t.Key == LoomTraits.Schedule).Value);
        Assert.Equal("after_10000", LoomCase.ForContinuedExploration(10_000).Traits(LoomStrategy.Exhaustive, filterSafe: true).Single(t => t.Key == LoomTraits.Group).Value);
        Assert.Equal("1@3 0@5", LoomCase.ForSchedule("1@3_0@5").Schedule);
        Assert.Empty(new LoomTheorySettings { Schedule = "1@3_0@5" }.Validate());
    }

    [Fact]
    public void Categories_are_traits_written_name_colon_value()
    {
        Assert.Equal(["LoomStrategy:Exhaustive", "LoomSchedule:1@3 0@5", "LoomRegression"],
            LoomCase.ForSchedule("1@3 0@5", fromRegressions: true).Categories(LoomStrategy.Exhaustive));
        Assert.Equal(["LoomStrategy:Pct", "LoomSeed:17"], LoomCase.ForSeed(17).Categories(LoomStrategy.Pct));
    }

    [Fact]
    public void Stable_positions_keep_every_listed_case_in_place_when_a_failure_is_recorded()
    {
        var before = CasePlanner.Plan(Method, new LoomTheorySettings(), null, Listing("0", "1@1", "1@2", "1@3"), CaseOrder.StablePositions);
        var regressions = RegressionFile.Parse("/src/CounterTests.loom-regressions",
            [$"{Method.Key} schedule 1@2", $"{Method.Key} schedule 2@9", $"{Method.Key} schedul 1@1"]);

        var after = CasePlanner.Plan(Method, new LoomTheorySettings(), regressions, Listing("0", "1@1", "1@2", "1@3"), CaseOrder.StablePositions);

        Assert.Equal(before.Select(c => c.Schedule), after.Take(4).Select(c => c.Schedule));
        Assert.True(after[2].FromRegressions);
        Assert.Equal("2@9", after[4].Schedule);
        Assert.True(after[4].FromRegressions);
        Assert.Equal(LoomCaseKind.Invalid, after[5].Kind);
        Assert.Equal(6, after.Count);
    }

    [Fact]
    public void Regressions_first_is_still_the_default_order()
    {
        var regressions = RegressionFile.Parse("/src/CounterTests.loom-regressions", [$"{Method.Key} schedule 1@2"]);

        var cases = CasePlanner.Plan(Method, new LoomTheorySettings(), regressions, Listing("0", "1@1", "1@2"));

        Assert.Equal(["1@2", "0", "1@1"], cases.Select(c => c.Schedule));
    }
}
