using Loom.Threading;
using Xunit;

namespace Loom.Tests.Threading;

public class SpinWaitTests
{
    private sealed class Box
    {
        public int Flag;
    }

    [Fact]
    public void Outside_an_execution_it_counts_and_spins_like_the_real_spinner()
    {
        var spinner = new SpinWait();
        var real = new System.Threading.SpinWait();
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(real.Count, spinner.Count);
            Assert.Equal(real.NextSpinWillYield, spinner.NextSpinWillYield);
            spinner.SpinOnce();
            real.SpinOnce();
        }
        spinner.Reset();
        Assert.Equal(0, spinner.Count);
        Assert.True(SpinWait.SpinUntil(() => true, 0));
        Assert.False(SpinWait.SpinUntil(() => false, 1));
    }

    [Fact]
    public void Its_argument_checks_throw_what_the_real_spinner_throws()
    {
        Assert.Equal(Run.ThrownBy(() => new System.Threading.SpinWait().SpinOnce(-2)), Run.ThrownBy(() => new SpinWait().SpinOnce(-2)));
        Assert.Equal(Run.ThrownBy(() => System.Threading.SpinWait.SpinUntil(null!)), Run.ThrownBy(() => SpinWait.SpinUntil(null!)));
        Assert.Equal(Run.ThrownBy(() => System.Threading.SpinWait.SpinUntil(null!, -2)), Run.ThrownBy(() => SpinWait.SpinUntil(null!, -2)));
        Assert.Equal(Run.ThrownBy(() => System.Threading.SpinWait.SpinUntil(() => true, TimeSpan.FromDays(30))), Run.ThrownBy(() => SpinWait.SpinUntil(() => true, TimeSpan.FromDays(30))));

        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new SpinWait().SpinOnce(-2)));
        Assert.IsType<ArgumentNullException>(Run.ThrownInside(() => SpinWait.SpinUntil(null!)));
    }

    [Fact]
    public void Inside_an_execution_the_count_is_the_same_on_every_machine()
    {
        var result = LoomModel.Explore(() =>
        {
            var spinner = new SpinWait();
            for (var i = 0; i < 10; i++)
            {
                Run.Expect(!spinner.NextSpinWillYield, $"yields after {i} spins");
                spinner.SpinOnce();
            }
            Run.Expect(spinner.Count == 10 && spinner.NextSpinWillYield, "does not yield after 10 spins");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_spin_loop_waiting_for_a_volatile_flag_ends_in_every_interleaving()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            Run.All(
                () =>
                {
                    var spinner = new SpinWait();
                    while (Volatile.Read(ref box.Flag) == 0)
                        spinner.SpinOnce();
                },
                () => Volatile.Write(ref box.Flag, 1));
        }, new LoomOptions { MaxSteps = 1_000 });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void SpinUntil_on_a_condition_that_never_holds_exceeds_the_step_bound_and_names_the_loop()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            Run.All(() => SpinWait.SpinUntil(() => Volatile.Read(ref box.Flag) == 1));
        }, new LoomOptions { MaxSteps = 200 });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.StepBoundExceeded, failure.Kind);
        Assert.Matches(@"thread 1 was at (SpinWait\.SpinUntil|Volatile\.Read) \(SpinWaitTests\.cs:\d+\)", failure.Message);
        Assert.Matches(@"SpinWait\.SpinUntil\s+SpinWaitTests\.cs:\d+", failure.Report);
    }

    [Fact]
    public void SpinUntil_with_a_timeout_explores_both_the_condition_coming_true_and_the_timeout()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var box = new Box();
            var held = false;
            Run.All(
                () => Volatile.Write(ref box.Flag, 1),
                () => held = SpinWait.SpinUntil(() => Volatile.Read(ref box.Flag) == 1, 100));
            return held ? "held" : "timed out";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["held", "timed out"], seen);
    }
}
