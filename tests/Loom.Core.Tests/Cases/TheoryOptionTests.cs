using System;
using Loom.Cases;
using Xunit;

namespace Loom.Tests.Cases;

/// <summary>How a [LoomTheory]'s strategy and stall timeout are checked and carried to the engine.</summary>
public sealed class TheoryOptionTests
{
    private static readonly MethodIdentity Method = new("MyApp.Tests.CounterTests", "Increments", "/src/CounterTests.cs");

    private static ScheduleListing NoListing() => throw new InvalidOperationException("an invalid theory lists nothing");

    [Fact]
    public void An_undefined_strategy_is_one_invalid_options_case_naming_the_value_and_the_valid_ones()
    {
        var cases = CasePlanner.Plan(Method, new LoomTheorySettings { Strategy = (LoomStrategy)42 }, null, NoListing);

        var only = Assert.Single(cases);
        Assert.Equal(LoomCaseKind.Invalid, only.Kind);
        Assert.Contains("CounterTests.Increments has invalid options", only.Problem);
        Assert.Contains("Strategy = 42 is not a LoomStrategy", only.Problem);
        Assert.Contains("LoomStrategy.Exhaustive, LoomStrategy.Random, LoomStrategy.Pct", only.Problem);
    }

    [Fact]
    public void An_undefined_strategy_is_the_only_problem_named_even_beside_seed_options()
    {
        var problems = new LoomTheorySettings { Strategy = (LoomStrategy)42, Seeds = 5, PreemptionBound = 1 }.Validate();

        Assert.Contains("Strategy = 42", Assert.Single(problems));
    }

    [Fact]
    public void Options_reject_an_undefined_strategy_or_memory_model_naming_the_valid_ones()
    {
        var strategy = Assert.Throws<ArgumentException>(() => new LoomOptions { Strategy = (LoomStrategy)42 }.Validate());
        var model = Assert.Throws<ArgumentException>(() => new LoomOptions { MemoryModel = (LoomMemoryModel)7 }.Validate());

        Assert.Equal("Strategy", strategy.ParamName);
        Assert.Contains("42 is not a LoomStrategy; use Exhaustive, Random, Pct", strategy.Message);
        Assert.Equal("MemoryModel", model.ParamName);
        Assert.Contains("7 is not a LoomMemoryModel; use DotNet, SequentialConsistency", model.Message);
        new LoomOptions { Strategy = LoomStrategy.Pct, MemoryModel = LoomMemoryModel.SequentialConsistency }.Validate();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_stall_timeout_that_is_not_positive_is_invalid(int seconds)
    {
        var problem = Assert.Single(new LoomTheorySettings { StallTimeoutSeconds = seconds }.Validate());

        Assert.Contains($"StallTimeoutSeconds = {seconds} is not positive", problem);
    }

    [Fact]
    public void The_stall_timeout_reaches_the_engine_options_and_survives_the_text_form()
    {
        var settings = new LoomTheorySettings { Strategy = LoomStrategy.Random, StallTimeoutSeconds = 3 };

        Assert.Empty(settings.Validate());
        Assert.Equal(TimeSpan.FromSeconds(3), settings.BaseOptions().StallTimeout);
        Assert.Equal(settings, LoomTheorySettings.Parse(settings.ToText()));
        Assert.Equal(TimeSpan.FromSeconds(LoomTheorySettings.DefaultStallTimeoutSeconds), new LoomTheorySettings().BaseOptions().StallTimeout);
    }
}
