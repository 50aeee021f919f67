using Loom.Simulation;
using Loom.Threading;
using Loom.Threading.Tasks;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Simulation;

public class VirtualTimeTests
{
    /// <summary>A retry loop with exponential backoff, as production code writes it, taking its clock as a TimeProvider.</summary>
    private static async Task<List<TimeSpan>> RetryUntilSuccess(Func<bool> attempt, TimeProvider clock)
    {
        var started = clock.GetUtcNow();
        var attempts = new List<TimeSpan>();
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            attempts.Add(clock.GetUtcNow() - started);
            if (attempt())
                return attempts;
            await Task.Delay(delay, clock);
            delay *= 2;
        }
    }

    [Fact]
    public void A_retry_loop_that_waits_over_an_hour_of_virtual_time_retries_at_exact_times()
    {
        List<TimeSpan>? attempts = null;
        var elapsed = TimeSpan.Zero;
        var result = LoomModel.Explore(async () =>
        {
            var failures = 12;
            attempts = await RetryUntilSuccess(() => failures-- == 0, Sim.Clock);
            elapsed = ((SimClock)Sim.Clock).Elapsed;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        var expected = Enumerable.Range(0, 13).Select(i => TimeSpan.FromSeconds((1 << i) - 1)).ToList();
        Assert.Equal(expected, attempts);
        Assert.Equal(TimeSpan.FromSeconds(4095), elapsed);
        Assert.True(elapsed > TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_periodic_timer_loop_sees_each_tick_at_its_time()
    {
        var ticks = new List<TimeSpan>();
        var result = LoomModel.Explore(async () =>
        {
            ticks.Clear();
            var clock = (SimClock)Sim.Clock;
            using var timer = new System.Threading.PeriodicTimer(TimeSpan.FromSeconds(1), clock);
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await timer.WaitForNextTickAsync());
                ticks.Add(clock.Elapsed);
            }
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(Enumerable.Range(1, 5).Select(s => TimeSpan.FromSeconds(s)), ticks);
    }

    [Fact]
    public void Timers_due_together_fire_in_every_order_and_each_sees_its_due_time()
    {
        var orders = new SortedSet<string>();
        var result = LoomModel.Explore(async () =>
        {
            var clock = (SimClock)Sim.Clock;
            var fired = new List<string>();
            var seenAt = new List<TimeSpan>();
            var both = new TaskCompletionSource();
            void Fire(string name)
            {
                fired.Add(name);
                seenAt.Add(clock.Elapsed);
                if (fired.Count == 2)
                    both.SetResult();
            }
            using var a = clock.CreateTimer(_ => Fire("a"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
            using var b = clock.CreateTimer(_ => Fire("b"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
            await both.Task;
            Assert.All(seenAt, t => Assert.Equal(TimeSpan.FromSeconds(5), t));
            lock (orders)
                orders.Add(string.Concat(fired));
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["ab", "ba"], orders);
    }

    [Fact]
    public void Thread_sleep_waits_in_virtual_time()
    {
        var woke = TimeSpan.Zero;
        var result = LoomModel.Explore(() =>
        {
            var sleeper = new Thread(() =>
            {
                Thread.Sleep(TimeSpan.FromMinutes(10));
                woke = ((SimClock)Sim.Clock).Elapsed;
            });
            sleeper.Start();
            sleeper.Join();
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(TimeSpan.FromMinutes(10), woke);
    }

    [Fact]
    public void A_cancellation_token_source_with_a_timeout_cancels_at_that_virtual_time()
    {
        TimeSpan canceledAt = default;
        var result = LoomModel.Explore(async () =>
        {
            var clock = (SimClock)Sim.Clock;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30), clock);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LoomTask.Delay(Timeout.Infinite, cts.Token));
            canceledAt = clock.Elapsed;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(TimeSpan.FromSeconds(30), canceledAt);
    }

    [Fact]
    public void Wait_async_with_a_timeout_times_out_at_that_virtual_time()
    {
        TimeSpan timedOutAt = default;
        var result = LoomModel.Explore(async () =>
        {
            var clock = (SimClock)Sim.Clock;
            var never = new TaskCompletionSource();
            await Assert.ThrowsAsync<TimeoutException>(() => never.Task.WaitAsync(TimeSpan.FromSeconds(5), clock, CancellationToken.None));
            timedOutAt = clock.Elapsed;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(TimeSpan.FromSeconds(5), timedOutAt);
    }

    [Fact]
    public void Invalid_timer_and_delay_arguments_are_rejected_like_the_real_ones()
    {
        var result = LoomModel.Explore(async () =>
        {
            var clock = Sim.Clock;
            Assert.Throws<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(-2), Timeout.InfiniteTimeSpan));
            Assert.Throws<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromDays(100), Timeout.InfiniteTimeSpan));
            Assert.Throws<ArgumentOutOfRangeException>(() => { _ = LoomTask.Delay(-5); });
            var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            timer.Dispose();
            Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
            var canceled = LoomTask.Delay(1000, new CancellationToken(canceled: true));
            Assert.True(canceled.IsCanceled);
            await LoomTask.Delay(1);
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Awaiting_something_that_can_never_complete_is_a_deadlock_not_a_hang()
    {
        var result = LoomModel.Explore(async () =>
        {
            var never = new TaskCompletionSource();
            await LoomTask.Delay(10);
            await never.Task;
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Contains("waiting for the test body's task", failure.Message);
    }

    [Fact]
    public void Outside_an_execution_sim_members_are_the_real_ones()
    {
        Assert.False(Sim.IsActive);
        Assert.Same(TimeProvider.System, Sim.Clock);
        Assert.Same(Random.Shared, Sim.Random);
        Assert.NotEqual(Sim.NewGuid(), Sim.NewGuid());
    }
}
