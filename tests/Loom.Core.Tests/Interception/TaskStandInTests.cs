using System.Runtime.CompilerServices;
using Loom.Interception;
using Loom.Simulation;
using Loom.Tests.Threading;
using Loom.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Interception;

/// <summary>
/// The task stand-ins, called as rewritten code calls them (the caller's file and line passed in): tasks and work
/// items are steps Loom interleaves, blocking waits are controlled waits, and ConfigureAwait(false) stays in control.
/// </summary>
public class TaskStandInTests
{
    private sealed class Cache
    {
        public object? Value;
        public int Loads;
    }

    /// <summary>Two tasks that load a cache on first use, the check and the load split by an await.</summary>
    private static Func<Task> CacheModel(bool checkAndLoadTogether) => async () =>
    {
        var cache = new Cache();
        async Task GetOrLoad()
        {
            if (checkAndLoadTogether)
            {
                if (cache.Value is null)
                {
                    cache.Value = new object();
                    cache.Loads++;
                }
                await Task.Yield();
            }
            else if (cache.Value is null)
            {
                await Task.Yield(); // the load's I/O
                cache.Value = new object();
                cache.Loads++;
            }
        }
        var first = TaskCalls.Run(GetOrLoad, "Cache.cs", 12);
        var second = TaskCalls.Run(GetOrLoad, "Cache.cs", 13);
        await Task.WhenAll(first, second);
        if (cache.Loads != 1)
            throw new InvalidOperationException($"the cache was loaded {cache.Loads} times");
    };

    [Fact]
    public void Two_task_run_tasks_racing_on_a_check_then_act_are_found_with_the_call_sites_in_the_trace()
    {
        var result = LoomModel.Explore(CacheModel(checkAndLoadTogether: false));

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Contains("loaded 2 times", failure.Message);
        Assert.Contains("Task.Run", failure.Report);
        Assert.Contains("Cache.cs:12", failure.Report);
        Assert.Contains("Cache.cs:13", failure.Report);
    }

    [Fact]
    public void The_cache_whose_check_and_load_run_in_one_step_passes_every_interleaving()
    {
        var result = LoomModel.Explore(CacheModel(checkAndLoadTogether: true), new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void Task_factory_start_new_on_the_default_scheduler_runs_under_loom()
    {
        var result = LoomModel.Explore(() =>
        {
            var counter = new Counter();
            var a = TaskCalls.Run(() => counter.Add(), "Factory.cs", 1);
            var b = TaskFactoryCalls.StartNew(Task.Factory, () => counter.Add(), "Factory.cs", 2);
            var c = TaskFactoryOfTResultCalls.StartNew(Task<int>.Factory, () => counter.Add(), "Factory.cs", 3);
            TaskCalls.WaitAll([a, b, c], "Factory.cs", 4);
            Run.Expect(counter.Value == 3, $"counted {counter.Value}");
            Run.Expect(TaskOfTResultCalls.get_Result(c, "Factory.cs", 5) > 0, "no result");
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void Task_factory_start_new_with_a_scheduler_of_its_own_runs_there()
    {
        var scheduler = new InlineScheduler();
        var result = LoomModel.Explore(() =>
        {
            var task = TaskFactoryCalls.StartNew(Task.Factory, () => 42, CancellationToken.None, TaskCreationOptions.None, scheduler, "Factory.cs", 1);
            Run.Expect(TaskOfTResultCalls.get_Result(task, "Factory.cs", 2) == 42, "wrong result");
            Interlocked.MemoryBarrier();
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(scheduler.Queued > 0);
    }

    [Fact]
    public void Thread_pool_work_items_are_steps_loom_interleaves()
    {
        var outcomes = new SortedSet<string>();
        var result = LoomModel.Explore(() =>
        {
            var order = new List<string>();
            var done = new CountdownDone(2);
            ThreadPoolCalls.QueueUserWorkItem(_ => { lock (order) order.Add("a"); done.Signal(); }, null, "Pool.cs", 1);
            ThreadPoolCalls.UnsafeQueueUserWorkItem<string>(s => { lock (order) order.Add(s); done.Signal(); }, "b", preferLocal: false, "Pool.cs", 2);
            TaskCalls.Wait(done.Task, "Pool.cs", 3);
            lock (outcomes)
                outcomes.Add(string.Concat(order));
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["ab", "ba"], outcomes);
    }

    public static TheoryData<string> BlockingWaits() => ["Task.Wait", "Task.Result", "GetAwaiter().GetResult()", "ConfigureAwait(false).GetAwaiter().GetResult()", "Task.WaitAll", "Task.WaitAny", "ValueTask.Result"];

    [Theory]
    [MemberData(nameof(BlockingWaits))]
    public void A_blocking_wait_nothing_completes_is_reported_as_a_deadlock_at_its_call_site(string how)
    {
        var result = LoomModel.Explore(() =>
        {
            var never = new TaskCompletionSource<int>();
            Block(how, never.Task, "Blocking.cs", 21);
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Contains("Blocking.cs:21", failure.Message);
    }

    [Theory]
    [MemberData(nameof(BlockingWaits))]
    public void A_blocking_wait_returns_once_another_task_completes_what_it_waits_for(string how)
    {
        var result = LoomModel.Explore(() =>
        {
            var source = new TaskCompletionSource<int>();
            var completer = TaskCalls.Run(() => source.SetResult(7), "Blocking.cs", 30);
            Block(how, source.Task, "Blocking.cs", 31);
            TaskCalls.Wait(completer, "Blocking.cs", 32);
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    private static void Block(string how, Task<int> task, string file, int line)
    {
        switch (how)
        {
            case "Task.Wait":
                TaskCalls.Wait(task, file, line);
                break;
            case "Task.Result":
                _ = TaskOfTResultCalls.get_Result(task, file, line);
                break;
            case "GetAwaiter().GetResult()":
                var awaiter = task.GetAwaiter();
                _ = TaskAwaiterOfTResultCalls.GetResult(ref awaiter, file, line);
                break;
            case "ConfigureAwait(false).GetAwaiter().GetResult()":
                var configured = TaskOfTResultCalls.ConfigureAwait(task, false, file, line).GetAwaiter();
                _ = ConfiguredTaskAwaiterOfTResultCalls.GetResult(ref configured, file, line);
                break;
            case "Task.WaitAll":
                TaskCalls.WaitAll([task], file, line);
                break;
            case "Task.WaitAny":
                _ = TaskCalls.WaitAny([task], file, line);
                break;
            case "ValueTask.Result":
                var valueTask = new ValueTask<int>(task);
                _ = ValueTaskOfTResultCalls.get_Result(ref valueTask, file, line);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how));
        }
    }

    [Fact]
    public void Timed_waits_time_out_in_virtual_time()
    {
        var result = LoomModel.Explore(() =>
        {
            var clock = (SimClock)Sim.Clock;
            var never = new TaskCompletionSource().Task;
            Run.Expect(!TaskCalls.Wait(never, 250, "Timed.cs", 1), "Wait(250) on a task nothing completes returned true");
            Run.Expect(clock.Elapsed == TimeSpan.FromMilliseconds(250), $"timed out at {clock.Elapsed}");
            Run.Expect(!TaskCalls.WaitAll([never], TimeSpan.FromSeconds(1), "Timed.cs", 2), "WaitAll returned true");
            Run.Expect(TaskCalls.WaitAny([never], 1000, "Timed.cs", 3) == -1, "WaitAny did not time out");
            Run.Expect(clock.Elapsed == TimeSpan.FromMilliseconds(2250), $"timed out at {clock.Elapsed}");
            var soon = TaskCalls.Delay(100, "Timed.cs", 4);
            Run.Expect(TaskCalls.Wait(soon, TimeSpan.FromHours(1), "Timed.cs", 5), "Wait returned false for a delay shorter than its timeout");
            Run.Expect(clock.Elapsed == TimeSpan.FromMilliseconds(2350), $"the wait ended at {clock.Elapsed}, not when the delay did");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Configure_await_false_inside_an_execution_does_not_escape_to_the_thread_pool()
    {
        var result = LoomModel.Explore(async () =>
        {
            var counter = new Counter();
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var worker = TaskCalls.Run(async () =>
            {
                await TaskCalls.ConfigureAwait(signal.Task, false, "Escape.cs", 1);
                counter.Add();
                await TaskCalls.ConfigureAwait(TaskCalls.Delay(5, "Escape.cs", 2), ConfigureAwaitOptions.None, "Escape.cs", 3);
                counter.Add();
            }, "Escape.cs", 4);
            await TaskCalls.Delay(1, "Escape.cs", 5);
            signal.SetResult();
            counter.Add();
            await worker;
            Run.Expect(counter.Value == 3, $"counted {counter.Value}");
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Executions > 1);
    }

    [Fact]
    public void A_configure_await_false_continuation_is_still_a_step_that_interleaves()
    {
        var result = LoomModel.Explore(async () =>
        {
            var cache = new Cache();
            async Task Load()
            {
                if (cache.Value is null)
                {
                    await TaskCalls.ConfigureAwait(TaskCalls.Run(() => { }, "Step.cs", 3), false, "Step.cs", 4);
                    cache.Value = new object();
                    cache.Loads++;
                }
            }
            await Task.WhenAll(TaskCalls.Run(Load, "Step.cs", 5), TaskCalls.Run(Load, "Step.cs", 6));
            Run.Expect(cache.Loads == 1, $"loaded {cache.Loads} times");
        });

        Assert.Equal(FailureKind.Exception, result.Failure?.Kind);
    }

    /// <summary>A count kept with Loom's Interlocked, so partial-order reduction sees the tasks' accesses conflict.</summary>
    private sealed class Counter
    {
        public int Value;

        public int Add() => Interlocked.Increment(ref Value);
    }

    private sealed class CountdownDone
    {
        private readonly TaskCompletionSource _done = new();
        private int _left;

        public CountdownDone(int count) => _left = count;

        public Task Task => _done.Task;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _left) == 0)
                _done.SetResult();
        }
    }

    /// <summary>A scheduler of the code's own: it runs each task at once on the thread that queues it.</summary>
    private sealed class InlineScheduler : TaskScheduler
    {
        public int Queued;

        protected override void QueueTask(Task task)
        {
            Queued++;
            TryExecuteTask(task);
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

        protected override IEnumerable<Task>? GetScheduledTasks() => null;
    }
}
