using Loom.Simulation;
using Loom.Threading;
using Loom.Threading.Channels;
using Loom.Threading.Tasks;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Simulation;

public class AsyncExplorationTests
{
    private sealed class Counter
    {
        public int Value;
    }

    [Fact]
    public void A_write_before_an_await_of_a_delay_happens_before_the_code_that_awaits_the_task_even_when_another_delay_falls_due_with_it()
    {
        // The timer that resumes the task after its second delay fires from whichever thread moves time on; the
        // code before the delay (the write) must still happen before what follows the task's completion.
        var result = LoomModel.Explore(async () =>
        {
            var box = new Counter();
            var writer = LoomTask.Run(async () =>
            {
                await LoomTask.Delay(100);
                Volatile.Write(ref box.Value, 1);
                await LoomTask.Delay(5);
            });
            var other = LoomTask.Run(async () => await LoomTask.Delay(100));
            await Task.WhenAll(writer, other);
            if (Volatile.Read(ref box.Value) != 1)
                throw new InvalidOperationException("the write before the delay was not seen after the task completed");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_lost_update_across_an_await_is_found_and_replays()
    {
        static async Task Body()
        {
            var counter = new Counter();
            async Task Increment()
            {
                var seen = counter.Value;
                await Task.Yield();
                counter.Value = seen + 1;
            }
            await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment));
            if (counter.Value != 2)
                throw new InvalidOperationException($"expected 2, counted {counter.Value}");
        }

        var result = LoomModel.Explore(Body);

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Contains("continuation of Increment", failure.Report);
        var replay = LoomModel.Explore(Body, new LoomOptions { Schedule = failure.ScheduleId });
        Assert.Equal(FailureKind.Exception, replay.Failure?.Kind);
    }

    [Fact]
    public void Increments_that_do_not_span_an_await_are_never_lost_among_tasks()
    {
        var result = LoomModel.Explore(async () =>
        {
            var counter = new Counter();
            async Task Increment()
            {
                await Task.Yield();
                counter.Value++;
            }
            await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
            if (counter.Value != 3)
                throw new InvalidOperationException($"expected 3, counted {counter.Value}");
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void Threads_and_tasks_mix_in_one_model()
    {
        var result = LoomModel.Explore(async () =>
        {
            var gate = new object();
            var counter = new Counter();
            void Add()
            {
                Monitor.Enter(gate);
                try
                {
                    counter.Value++;
                }
                finally
                {
                    Monitor.Exit(gate);
                }
            }
            var thread = new Thread(Add);
            thread.Start();
            await LoomTask.Run(Add);
            thread.Join();
            if (counter.Value != 2)
                throw new InvalidOperationException("lost");
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void A_bounded_channel_between_tasks_delivers_everything_in_order()
    {
        var result = LoomModel.Explore(async () =>
        {
            var channel = Channel.CreateBounded<int>(1);
            var producer = LoomTask.Run(async () =>
            {
                for (var i = 0; i < 3; i++)
                    await channel.Writer.WriteAsync(i);
                channel.Writer.Complete();
            });
            var received = new List<int>();
            await foreach (var item in channel.Reader.ReadAllAsync())
                received.Add(item);
            await producer;
            if (!received.SequenceEqual([0, 1, 2]))
                throw new InvalidOperationException(string.Join(",", received));
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_continuation_that_escapes_to_the_thread_pool_through_configure_await_false_is_reported()
    {
        var result = LoomModel.Explore(async () =>
        {
            var counter = new Counter();
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // A real event, so the test sees the escaped continuation run whatever the machine's load.
            using var escaped = new System.Threading.ManualResetEventSlim();
            var worker = LoomTask.Run(async () =>
            {
                await signal.Task.ConfigureAwait(false);
                Interlocked.Increment(ref counter.Value);
                escaped.Set();
            });
            await LoomTask.Delay(1);
            signal.SetResult();
            escaped.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            await worker;
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.UncontrolledConcurrency, failure.Kind);
    }

    [Fact]
    public void A_real_task_run_is_reported_when_it_touches_loom()
    {
        var result = LoomModel.Explore(async () =>
        {
            var counter = new Counter();
            using var escaped = new System.Threading.ManualResetEventSlim();
            var pooled = Task.Run(() =>
            {
                Interlocked.Increment(ref counter.Value);
                escaped.Set();
            });
            escaped.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            await pooled;
        });

        Assert.Equal(FailureKind.UncontrolledConcurrency, result.Failure?.Kind);
        Assert.Contains("AsyncExplorationTests.cs", result.Failure!.Message);
    }

    [Fact]
    public void Synchronous_code_waits_for_a_task_under_control_with_wait_for()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Counter();
            var task = LoomTask.Run(async () =>
            {
                await Task.Yield();
                Interlocked.Increment(ref counter.Value);
            });
            LoomModel.WaitFor(task);
            if (counter.Value != 1)
                throw new InvalidOperationException("WaitFor returned before the task finished");
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
    }
}
