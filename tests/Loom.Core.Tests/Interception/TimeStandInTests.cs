using System.Diagnostics;
using Loom.Interception;
using Loom.Simulation;
using Loom.Tests.Threading;
using Loom.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Interception;

/// <summary>Timers, clocks and randomness through their stand-ins: virtual time inside an execution, decided by the seed.</summary>
public class TimeStandInTests
{
    private sealed class Buffer
    {
        public readonly object Gate = new();
        public bool Closed;
        public int WritesAfterClose;

        /// <summary>The flush's write: a write to a closed buffer is the bug.</summary>
        public void Write()
        {
            if (Volatile.Read(ref Closed))
                WritesAfterClose++;
        }
    }

    /// <summary>A timer that flushes a buffer, racing the main thread that disposes it and closes the buffer.</summary>
    private static Action TimerModel(bool locked) => () =>
    {
        var buffer = new Buffer();
        var timer = TimerCalls.New(_ =>
        {
            if (locked)
                Monitor.Enter(buffer.Gate);
            if (!Volatile.Read(ref buffer.Closed))
                buffer.Write();
            if (locked)
                Monitor.Exit(buffer.Gate);
        }, null, 10, Timeout.Infinite, "Flusher.cs", 7);
        TaskCalls.Wait(TaskCalls.Delay(10, "Flusher.cs", 8), "Flusher.cs", 9);
        TimerCalls.Dispose(timer, "Flusher.cs", 10);
        if (locked)
            Monitor.Enter(buffer.Gate);
        Volatile.Write(ref buffer.Closed, true);
        if (locked)
            Monitor.Exit(buffer.Gate);
        // A callback already due when the timer was disposed still runs.
        TaskCalls.Wait(TaskCalls.Delay(1, "Flusher.cs", 13), "Flusher.cs", 13);
        Run.Expect(buffer.WritesAfterClose == 0, "the timer wrote to the buffer after it was closed");
    };

    [Fact]
    public void A_timer_callback_racing_the_main_thread_is_found_with_the_call_sites_in_the_trace()
    {
        var result = LoomModel.Explore(TimerModel(locked: false));

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("wrote to the buffer after it was closed", failure.Message);
        Assert.Contains("Flusher.cs:7", failure.Report);
        Assert.Contains("Flusher.cs:10", failure.Report);
        Assert.Contains("timer callback", failure.Report);
    }

    [Fact]
    public void A_timer_callback_that_shares_a_lock_with_the_closer_passes_every_interleaving()
    {
        var result = LoomModel.Explore(TimerModel(locked: true), new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void A_periodic_timer_fires_on_virtual_time_and_change_re_arms_it()
    {
        var ticks = new List<TimeSpan>();
        var result = LoomModel.Explore(async () =>
        {
            ticks.Clear();
            var clock = (SimClock)Sim.Clock;
            var done = new TaskCompletionSource();
            System.Threading.Timer? timer = null;
            timer = TimerCalls.New(_ =>
            {
                ticks.Add(clock.Elapsed);
                if (ticks.Count == 3)
                    TimerCalls.Change(timer!, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan, "Periodic.cs", 2);
                if (ticks.Count == 4)
                    done.SetResult();
            }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "Periodic.cs", 1);
            await done.Task;
            await TimerCalls.DisposeAsync(timer, "Periodic.cs", 3);
            using var periodic = PeriodicTimerCalls.New(TimeSpan.FromSeconds(30), "Periodic.cs", 4);
            Run.Expect(await periodic.WaitForNextTickAsync(), "the periodic timer stopped");
            ticks.Add(clock.Elapsed);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal([1, 3, 5, 65, 95], ticks.Select(t => t.TotalSeconds));
    }

    /// <summary>Retries until a deadline; the buggy version sleeps a whole backoff past it.</summary>
    private static async Task RetryUntilDeadline(bool capTheLastWait)
    {
        var deadline = TimeSpan.FromSeconds(10);
        var started = DateTimeCalls.get_UtcNow("Retry.cs", 3);
        var stopwatch = StopwatchCalls.StartNew("Retry.cs", 4);
        while (StopwatchCalls.get_Elapsed(stopwatch, "Retry.cs", 5) < deadline)
        {
            var wait = TimeSpan.FromSeconds(4);
            var left = deadline - StopwatchCalls.get_Elapsed(stopwatch, "Retry.cs", 7);
            await TaskCalls.Delay(capTheLastWait && left < wait ? left : wait, "Retry.cs", 8);
        }
        var gaveUpAfter = DateTimeCalls.get_UtcNow("Retry.cs", 10) - started;
        if (gaveUpAfter > deadline)
            throw new TimeoutException($"gave up {gaveUpAfter.TotalSeconds} s after starting, past the {deadline.TotalSeconds} s deadline");
    }

    [Fact]
    public void A_deadline_crossed_by_a_backoff_is_found_in_virtual_time()
    {
        var result = LoomModel.Explore(() => RetryUntilDeadline(capTheLastWait: false));

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Contains("gave up 12 s after starting", failure.Message);
        Assert.Contains("Retry.cs:8", failure.Report);
    }

    [Fact]
    public void The_retry_loop_that_caps_its_last_wait_meets_its_deadline()
    {
        var result = LoomModel.Explore(() => RetryUntilDeadline(capTheLastWait: true));

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_simulated_hour_of_task_delay_moves_every_clock_by_exactly_an_hour()
    {
        var seen = new List<object>();
        var result = LoomModel.Explore(async () =>
        {
            seen.Clear();
            var utc = DateTimeCalls.get_UtcNow("Hour.cs", 1);
            var offset = DateTimeOffsetCalls.get_UtcNow("Hour.cs", 2);
            var ticks = EnvironmentCalls.get_TickCount64("Hour.cs", 3);
            var timestamp = StopwatchCalls.GetTimestamp("Hour.cs", 4);
            var provider = TimeProviderCalls.get_System("Hour.cs", 5);
            var providerStart = TimeProviderCalls.GetTimestamp(provider, "Hour.cs", 6);
            await TaskCalls.Delay(TimeSpan.FromHours(1), "Hour.cs", 7);
            seen.Add(utc);
            seen.Add(DateTimeCalls.get_UtcNow("Hour.cs", 8) - utc);
            seen.Add(DateTimeOffsetCalls.get_UtcNow("Hour.cs", 9) - offset);
            seen.Add(EnvironmentCalls.get_TickCount64("Hour.cs", 10) - ticks);
            seen.Add(StopwatchCalls.GetElapsedTime(timestamp, "Hour.cs", 11));
            seen.Add(Stopwatch.GetElapsedTime(timestamp, StopwatchCalls.GetTimestamp("Hour.cs", 12)));
            seen.Add(TimeProviderCalls.GetElapsedTime(provider, providerStart, "Hour.cs", 13));
            seen.Add(DateTimeCalls.get_Now("Hour.cs", 14).Kind);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        var hour = TimeSpan.FromHours(1);
        Assert.Equal([SimClock.Epoch.UtcDateTime, hour, hour, 3_600_000L, hour, hour, hour, DateTimeKind.Local], seen);
    }

    [Fact]
    public void Time_provider_system_inside_an_execution_is_its_clock_and_follows_each_execution()
    {
        TimeProvider? kept = null;
        var times = new List<DateTimeOffset>();
        var result = LoomModel.Explore(async () =>
        {
            // A provider kept in a field from one execution still reads the execution that uses it.
            kept ??= TimeProviderCalls.get_System("Kept.cs", 1);
            await TaskCalls.Delay(TimeSpan.FromSeconds(5), kept, "Kept.cs", 2);
            await TaskCalls.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, "Kept.cs", 3);
            lock (times)
                times.Add(kept.GetUtcNow());
            _ = TaskCalls.Run(() => { }, "Kept.cs", 4);
        }, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 3 });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(3, times.Count);
        Assert.All(times, t => Assert.Equal(SimClock.Epoch + TimeSpan.FromSeconds(10), t));
        Assert.NotSame(TimeProvider.System, kept);
    }

    private static List<object> DrawEverything()
    {
        var drawn = new List<object>();
        var result = LoomModel.Explore(() =>
        {
            drawn.Clear();
            drawn.Add(DateTimeCalls.get_UtcNow("Seed.cs", 1));
            drawn.Add(RandomCalls.get_Shared("Seed.cs", 2).Next());
            drawn.Add(RandomCalls.get_Shared("Seed.cs", 3).NextDouble());
            drawn.Add(RandomCalls.New("Seed.cs", 4).Next());
            drawn.Add(GuidCalls.NewGuid("Seed.cs", 5));
            drawn.Add(GuidCalls.CreateVersion7("Seed.cs", 6));
            Interlocked.MemoryBarrier();
        }, new LoomOptions { Strategy = LoomStrategy.Random, Seed = 17, Iterations = 1 });
        Assert.True(result.Passed, result.Failure?.Report);
        return drawn;
    }

    [Fact]
    public void The_same_seed_gives_the_same_times_random_numbers_and_guids()
    {
        var first = DrawEverything();
        var second = DrawEverything();

        Assert.Equal(first, second);
        var v4 = (Guid)first[4];
        var v7 = (Guid)first[5];
        Assert.Equal(4, v4.Version);
        Assert.Equal(7, v7.Version);
        Assert.Equal(SimClock.Epoch.ToUnixTimeMilliseconds(), Guid.CreateVersion7(SimClock.Epoch).ToByteArray(bigEndian: true).Take(6).Aggregate(0L, (a, b) => (a << 8) | b));
        Assert.Equal(SimClock.Epoch.ToUnixTimeMilliseconds(), v7.ToByteArray(bigEndian: true).Take(6).Aggregate(0L, (a, b) => (a << 8) | b));
    }

    [Fact]
    public void Random_shared_inside_an_execution_draws_from_the_executions_sim_random()
    {
        (int Shared, int Sim)? draws = null;
        var result = LoomModel.Explore(() =>
        {
            var seed = ((SimRandom)Sim.Random).Next(); // moves the same generator the stand-in draws from
            var shared = RandomCalls.get_Shared("Shared.cs", 1).Next();
            draws = (shared, seed);
            Interlocked.MemoryBarrier();
        }, new LoomOptions { Strategy = LoomStrategy.Random, Seed = 3, Iterations = 1 });

        Assert.True(result.Passed, result.Failure?.Report);
        var expected = new SimRandom(draws!.Value.Sim == new SimRandom(3).Next() ? 3 : throw new InvalidOperationException("the execution's seed is not the option's"));
        expected.Next();
        Assert.Equal(expected.Next(), draws.Value.Shared);
    }

    [Fact]
    public void A_stopwatch_made_outside_an_execution_measures_virtual_time_inside_one()
    {
        var outside = new Stopwatch();
        TimeSpan measured = default;
        var result = LoomModel.Explore(async () =>
        {
            StopwatchCalls.Restart(outside, "Outside.cs", 1);
            await TaskCalls.Delay(TimeSpan.FromMinutes(3), "Outside.cs", 2);
            StopwatchCalls.Stop(outside, "Outside.cs", 3);
            measured = StopwatchCalls.get_Elapsed(outside, "Outside.cs", 4);
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(TimeSpan.FromMinutes(3), measured);
        Assert.Equal(TimeSpan.FromMinutes(3), StopwatchCalls.get_Elapsed(outside, "Outside.cs", 5));
        Assert.False(StopwatchCalls.get_IsRunning(outside, "Outside.cs", 6));
    }
}
