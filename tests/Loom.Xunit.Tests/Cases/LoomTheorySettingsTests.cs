using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.Cases;

public sealed class LoomTheorySettingsTests
{
    [Fact]
    public void Defaults_are_valid_and_exhaustive() =>
        Assert.Empty(new LoomTheorySettings().Validate());

    [Fact]
    public void Seeds_with_the_exhaustive_strategy_is_a_contradiction_that_names_the_fix()
    {
        var problem = Assert.Single(new LoomTheorySettings { Seeds = 5 }.Validate());

        Assert.Contains("Seeds applies to the Random and Pct strategies", problem);
        Assert.Contains("Strategy = LoomStrategy.Random", problem);
    }

    [Theory]
    [InlineData(-1, "PreemptionBound = -1 is negative")]
    [InlineData(-7, "PreemptionBound = -7 is negative")]
    public void Negative_preemption_bound_is_invalid(int bound, string expected) =>
        Assert.Contains(expected, Assert.Single(new LoomTheorySettings { PreemptionBound = bound }.Validate()));

    [Fact]
    public void Negative_or_zero_seed_counts_are_invalid()
    {
        Assert.Contains("Seeds = 0 runs nothing", Assert.Single(new LoomTheorySettings { Strategy = LoomStrategy.Random, Seeds = 0 }.Validate()));
        Assert.Contains("Seeds = -3 runs nothing", Assert.Single(new LoomTheorySettings { Strategy = LoomStrategy.Pct, Seeds = -3 }.Validate()));
    }

    [Fact]
    public void Too_many_seeds_is_invalid() =>
        Assert.Contains("at most 10000", Assert.Single(new LoomTheorySettings { Strategy = LoomStrategy.Random, Seeds = 10_001 }.Validate()));

    [Fact]
    public void A_schedule_that_does_not_parse_is_reported_with_the_parser_reason()
    {
        var problem = Assert.Single(new LoomTheorySettings { Schedule = "1@x" }.Validate());

        Assert.Contains("Schedule = \"1@x\" does not parse", problem);
        Assert.Contains("step 'x'", problem);
    }

    [Fact]
    public void Schedule_with_a_random_strategy_is_a_contradiction() =>
        Assert.Contains(new LoomTheorySettings { Strategy = LoomStrategy.Random, Schedule = "0" }.Validate(), p => p.Contains("contradicts Strategy = Random"));

    [Fact]
    public void Preemption_bound_with_pct_is_a_contradiction() =>
        Assert.Contains("PreemptionBound applies to exhaustive exploration", Assert.Single(new LoomTheorySettings { Strategy = LoomStrategy.Pct, PreemptionBound = 3 }.Validate()));

    [Fact]
    public void Pct_depth_with_random_is_a_contradiction() =>
        Assert.Contains("PctDepth applies to the Pct strategy", Assert.Single(new LoomTheorySettings { Strategy = LoomStrategy.Random, PctDepth = 2 }.Validate()));

    [Fact]
    public void More_cases_than_listed_schedules_is_invalid() =>
        Assert.Contains("MaxCases = 50 is more than MaxListedSchedules = 10", Assert.Single(new LoomTheorySettings { MaxCases = 50, MaxListedSchedules = 10 }.Validate()));

    [Fact]
    public void Every_problem_is_reported_not_only_the_first() =>
        Assert.Equal(3, new LoomTheorySettings { Seeds = 2, PreemptionBound = -1, MaxSteps = 0 }.Validate().Count);

    [Fact]
    public void Unbounded_preemptions_map_to_no_bound_in_the_engine_options()
    {
        Assert.Null(new LoomTheorySettings { PreemptionBound = LoomTheorySettings.UnboundedPreemptions }.BaseOptions().PreemptionBound);
        Assert.Equal(4, new LoomTheorySettings { PreemptionBound = 4 }.BaseOptions().PreemptionBound);
        Assert.Equal(LoomOptions.DefaultPreemptionBound, new LoomTheorySettings().BaseOptions().PreemptionBound);
    }

    [Fact]
    public void FailOnUnseenCode_reaches_the_options_only_when_set()
    {
        Assert.True(new LoomTheorySettings { FailOnUnseenCode = true }.BaseOptions().FailOnUnseenCode);
        Assert.False(new LoomTheorySettings().BaseOptions().FailOnUnseenCode);
    }

    [Fact]
    public void Text_form_round_trips_every_option()
    {
        var settings = new LoomTheorySettings
        {
            Strategy = LoomStrategy.Pct,
            Seeds = 7,
            FirstSeed = 40,
            PctDepth = 2,
            MaxSteps = 900,
            PreemptionBound = 1,
            Schedule = "v1: 1@3 r2@5",
            MaxCases = 3,
            MaxListedSchedules = 30,
            FailOnUnseenCode = true,
        };

        Assert.Equal(settings, LoomTheorySettings.Parse(settings.ToText()));
        Assert.Equal(new LoomTheorySettings(), LoomTheorySettings.Parse(new LoomTheorySettings().ToText()));
    }
}
