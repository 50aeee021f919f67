using Loom.Threading;
using Xunit;

namespace Loom.Tests.Threading;

public class CountdownEventTests
{
    private sealed class Box
    {
        public TrackedField<int> First;
        public TrackedField<int> Second;
    }

    [Fact]
    public void Outside_an_execution_it_counts_down_like_the_real_event()
    {
        using var countdown = new CountdownEvent(2);
        Assert.False(countdown.Signal());
        Assert.Equal(1, countdown.CurrentCount);
        countdown.AddCount(2);
        Assert.True(countdown.TryAddCount());
        Assert.True(countdown.Signal(4));
        Assert.True(countdown.IsSet);
        Assert.False(countdown.TryAddCount());
        Assert.True(countdown.Wait(0));
        countdown.Reset(3);
        Assert.Equal(3, countdown.InitialCount);
        Assert.False(countdown.WaitHandle.WaitOne(0));
    }

    [Fact]
    public void Its_argument_checks_and_misuse_throw_what_the_real_event_throws()
    {
        Assert.Equal(Run.ThrownBy(() => new System.Threading.CountdownEvent(-1)), Run.ThrownBy(() => new CountdownEvent(-1)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.CountdownEvent(0).Signal()), Run.ThrownBy(() => new CountdownEvent(0).Signal()));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.CountdownEvent(0).AddCount()), Run.ThrownBy(() => new CountdownEvent(0).AddCount()));

        Assert.IsType<InvalidOperationException>(Run.ThrownInside(() => new CountdownEvent(0).Signal()));
        Assert.IsType<InvalidOperationException>(Run.ThrownInside(() => new CountdownEvent(1).Signal(2)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new CountdownEvent(1).Signal(0)));
        Assert.IsType<InvalidOperationException>(Run.ThrownInside(() => new CountdownEvent(0).AddCount()));
        Assert.IsType<InvalidOperationException>(Run.ThrownInside(() => new CountdownEvent(1).AddCount(int.MaxValue)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new CountdownEvent(1).TryAddCount(0)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new CountdownEvent(1).Reset(-1)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new CountdownEvent(1).Wait(-2)));
        Assert.IsType<OperationCanceledException>(Run.ThrownInside(() => new CountdownEvent(0).Wait(new System.Threading.CancellationToken(true))));
        Assert.IsType<ObjectDisposedException>(Run.ThrownInside(() =>
        {
            var countdown = new CountdownEvent(1);
            countdown.Dispose();
            countdown.Signal();
        }));
        Assert.Null(Run.ThrownInside(() => Run.Expect(!new CountdownEvent(0).TryAddCount(), "TryAddCount on a set event succeeded")));
    }

    [Fact]
    public void Waiting_for_two_workers_sees_everything_both_wrote()
    {
        var result = LoomModel.Explore(() =>
        {
            var done = new CountdownEvent(2);
            var box = new Box();
            var first = new Thread(() =>
            {
                box.First.Write(1);
                done.Signal();
            });
            var second = new Thread(() =>
            {
                box.Second.Write(2);
                done.Signal();
            });
            first.Start();
            second.Start();
            done.Wait();
            Run.Expect(box.First.Read() + box.Second.Read() == 3, "woke before both workers wrote");
            first.Join();
            second.Join();
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_missing_signal_is_a_deadlock_that_says_how_many_are_still_needed()
    {
        var result = LoomModel.Explore(() =>
        {
            var done = new CountdownEvent(2);
            Run.All(() => done.Signal(), () => done.Wait());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 2 is blocked in CountdownEvent\.Wait at CountdownEventTests\.cs:\d+: waiting for CountdownEvent#\d+ to reach zero; it still needs 1 signal", failure.Message);
    }

    [Fact]
    public void Signalling_past_zero_fails_in_the_order_that_does_it_and_the_trace_shows_the_counts()
    {
        var result = LoomModel.Explore(() =>
        {
            var done = new CountdownEvent(1);
            Run.All(
                () => done.Signal(),
                () =>
                {
                    if (done.TryAddCount())
                        done.Signal();
                },
                () => done.Signal());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Matches(@"CountdownEvent\.Signal\s+CountdownEvent#\d+\s+count 1->0\s+CountdownEventTests\.cs:\d+", failure.Report);
        Assert.Matches(@"CountdownEvent\.Signal\s+CountdownEvent#\d+\s+count 0: below zero\s+CountdownEventTests\.cs:\d+", failure.Report);
    }

    [Fact]
    public void A_timed_wait_explores_both_the_last_signal_arriving_and_the_timeout()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var done = new CountdownEvent(1);
            var set = false;
            Run.All(() => done.Signal(), () => set = done.Wait(TimeSpan.FromMilliseconds(50)));
            return set ? "set" : "timed out";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["set", "timed out"], seen);
    }
}
