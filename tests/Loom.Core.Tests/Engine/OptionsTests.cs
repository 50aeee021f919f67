using System;
using Xunit;

namespace Loom.Tests.Engine;

public class OptionsTests
{
    public static TheoryData<LoomOptions, string, string> InvalidOptions => new()
    {
        { new LoomOptions { PreemptionBound = -1 }, "PreemptionBound", "is negative" },
        { new LoomOptions { Iterations = 0 }, "Iterations", "runs nothing" },
        { new LoomOptions { Iterations = -5 }, "Iterations", "runs nothing" },
        { new LoomOptions { PctDepth = 0 }, "PctDepth", "below 1" },
        { new LoomOptions { MaxSteps = 0 }, "MaxSteps", "allows no step" },
        { new LoomOptions { MaxExecutions = 0 }, "MaxExecutions", "allows no execution" },
        { new LoomOptions { StallTimeout = TimeSpan.Zero }, "StallTimeout", "not positive" },
        { new LoomOptions { Schedule = "1@x" }, "Schedule", "step 'x'" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_before_anything_runs_naming_the_option(LoomOptions options, string option, string why)
    {
        var ran = false;
        var ex = Assert.Throws<ArgumentException>(() => LoomModel.Explore(() => ran = true, options));

        Assert.Equal(option, ex.ParamName);
        Assert.Contains($"Invalid Loom option {option}", ex.Message);
        Assert.Contains(why, ex.Message);
        Assert.False(ran);
    }

    [Fact]
    public void An_unbounded_preemption_bound_is_allowed()
    {
        new LoomOptions { PreemptionBound = null }.Validate();
    }

    [Fact]
    public void Nested_explorations_are_rejected()
    {
        var result = LoomModel.Explore(() =>
        {
            Loom.Threading.Thread.Yield();
            LoomModel.Explore(Models.CasIncrements);
        });

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
        Assert.IsType<InvalidOperationException>(result.Failure!.Exception);
        Assert.Contains("do not nest", result.Failure.Exception!.Message);
    }
}
