using Loom.Threading;
using Xunit;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using EventResetMode = System.Threading.EventResetMode;

namespace Loom.Tests.Threading;

/// <summary>ManualResetEventSlim, ManualResetEvent and AutoResetEvent (through their base, EventWaitHandle).</summary>
public class EventTests
{
    private sealed class Box
    {
        public TrackedField<int> Data;
    }

    [Fact]
    public void Outside_an_execution_the_events_behave_like_the_real_ones()
    {
        using var slim = new ManualResetEventSlim(false, 5);
        Assert.False(slim.IsSet);
        Assert.False(slim.Wait(0));
        slim.Set();
        Assert.True(slim.IsSet);
        Assert.True(slim.Wait(0));
        Assert.True(slim.WaitHandle.WaitOne(0));
        slim.Reset();
        Assert.False(slim.IsSet);
        Assert.Equal(5, slim.SpinCount);

        using var manual = new ManualResetEvent(true);
        Assert.True(manual.WaitOne(0));
        Assert.True(manual.WaitOne(0));
        Assert.True(manual.Reset());
        Assert.False(manual.WaitOne(TimeSpan.Zero));

        using var auto = new AutoResetEvent(true);
        Assert.True(auto.WaitOne(0));
        Assert.False(auto.WaitOne(0));
        Assert.True(auto.Set());
        Assert.True(auto.WaitOne(0));
    }

    [Fact]
    public void Their_argument_checks_and_misuse_throw_what_the_real_events_throw()
    {
        Assert.Equal(Run.ThrownBy(() => new System.Threading.ManualResetEventSlim(false, -1)), Run.ThrownBy(() => new ManualResetEventSlim(false, -1)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.ManualResetEventSlim(false, 2048)), Run.ThrownBy(() => new ManualResetEventSlim(false, 2048)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.EventWaitHandle(false, (EventResetMode)7)), Run.ThrownBy(() => new EventWaitHandle(false, (EventResetMode)7)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.AutoResetEvent(false).WaitOne(-2)), Run.ThrownBy(() => new AutoResetEvent(false).WaitOne(-2)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.ManualResetEventSlim().Wait(-2)), Run.ThrownBy(() => new ManualResetEventSlim().Wait(-2)));
        Assert.Equal(typeof(ObjectDisposedException), Run.ThrownBy(() =>
        {
            var disposed = new AutoResetEvent(false);
            disposed.Dispose();
            disposed.Set();
        }));

        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new ManualResetEventSlim().Wait(-2)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new AutoResetEvent(false).WaitOne(-2)));
        Assert.IsType<OperationCanceledException>(Run.ThrownInside(() => new ManualResetEventSlim(true).Wait(new System.Threading.CancellationToken(true))));
        Assert.IsType<ObjectDisposedException>(Run.ThrownInside(() =>
        {
            var disposed = new ManualResetEventSlim();
            disposed.Dispose();
            disposed.Reset();
        }));
        Assert.IsType<ObjectDisposedException>(Run.ThrownInside(() =>
        {
            var disposed = new AutoResetEvent(true);
            disposed.Dispose();
            disposed.WaitOne();
        }));
        Assert.Contains("is not supported inside a Loom execution", Assert.IsType<NotSupportedException>(Run.ThrownInside(() => _ = new ManualResetEventSlim().WaitHandle)).Message);
    }

    [Fact]
    public void A_wait_blocks_until_the_event_is_set_and_then_sees_what_was_written_before_the_set()
    {
        var result = LoomModel.Explore(() =>
        {
            var ready = new ManualResetEventSlim();
            var box = new Box();
            Run.All(
                () =>
                {
                    box.Data.Write(42);
                    ready.Set();
                },
                () =>
                {
                    ready.Wait();
                    Run.Expect(box.Data.Read() == 42, "woke before the data was written");
                });
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_wait_for_an_event_nobody_sets_is_a_deadlock_naming_the_wait()
    {
        var result = LoomModel.Explore(() =>
        {
            var ready = new ManualResetEventSlim();
            Run.All(() => ready.Wait());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 1 is blocked in ManualResetEventSlim\.Wait at EventTests\.cs:\d+: waiting for ManualResetEventSlim#\d+ to be set; nothing set it", failure.Message);
    }

    [Fact]
    public void A_reset_that_can_come_before_the_wait_is_found_and_the_report_says_where_it_was_reset()
    {
        var result = LoomModel.Explore(() =>
        {
            var ready = new ManualResetEvent(false);
            Run.All(
                () =>
                {
                    ready.Set();
                    ready.Reset();
                },
                () => ready.WaitOne());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 2 is blocked in ManualResetEvent\.WaitOne at EventTests\.cs:\d+: waiting for ManualResetEvent#\d+ to be set; it was last reset at EventTests\.cs:\d+ by thread 1", failure.Message);
    }

    [Fact]
    public void One_manual_reset_set_releases_every_waiter()
    {
        var result = LoomModel.Explore(() =>
        {
            var go = new ManualResetEvent(false);
            Run.All(() => go.WaitOne(), () => go.WaitOne(), () => go.Set());
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void An_auto_reset_set_on_a_set_event_is_lost_and_Loom_finds_the_order_that_loses_it()
    {
        var result = LoomModel.Explore(() =>
        {
            var item = new AutoResetEvent(false);
            Run.All(
                () =>
                {
                    item.Set();
                    item.Set();
                },
                () =>
                {
                    item.WaitOne();
                    item.WaitOne();
                });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"thread 2 is blocked in AutoResetEvent\.WaitOne at EventTests\.cs:\d+: waiting for AutoResetEvent#\d+ to be set; it was last reset at EventTests\.cs:\d+, where thread 2's WaitOne consumed the signal", failure.Message);
        Assert.Matches(@"AutoResetEvent\.Set\s+AutoResetEvent#\d+\s+already set\s+EventTests\.cs:\d+", failure.Report);
    }

    [Fact]
    public void An_auto_reset_event_lets_one_waiter_through_per_set()
    {
        var result = LoomModel.Explore(() =>
        {
            var turn = new AutoResetEvent(true);
            var occupancy = new Occupancy(limit: 1);
            Action critical = () =>
            {
                turn.WaitOne();
                occupancy.Enter();
                occupancy.Exit();
                turn.Set();
            };
            Run.All(critical, critical);
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_timed_wait_explores_both_the_set_arriving_and_the_timeout()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var ready = new ManualResetEventSlim();
            var signalled = false;
            Run.All(() => ready.Set(), () => signalled = ready.Wait(100));
            return signalled ? "set" : "timed out";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["set", "timed out"], seen);
    }

    [Fact]
    public void A_blocked_wait_goes_on_when_another_thread_cancels_its_token()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var ready = new ManualResetEventSlim();
            var cancellation = new CancellationTokenSource();
            var outcome = "";
            Run.All(
                () =>
                {
                    try
                    {
                        ready.Wait(cancellation.Token);
                        outcome = "set";
                    }
                    catch (OperationCanceledException)
                    {
                        outcome = "cancelled";
                    }
                },
                () =>
                {
                    cancellation.Cancel();
                    ready.Set();
                });
            return outcome;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Contains("cancelled", seen);
    }
}
