using System.Diagnostics;
using Loom.Interception;
using Loom.Tests.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using ManualResetEventSlim = System.Threading.ManualResetEventSlim;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Interception;

/// <summary>Outside an execution every stand-in is the real member: same objects, results and exceptions.</summary>
public class OutsideExecutionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Sources_of_time_and_randomness_are_the_real_ones()
    {
        Assert.Same(TimeProvider.System, TimeProviderCalls.get_System("Out.cs", 1));
        Assert.Same(Random.Shared, RandomCalls.get_Shared("Out.cs", 2));
        Assert.Equal(typeof(Random), RandomCalls.New("Out.cs", 3).GetType());
        var before = DateTime.UtcNow;
        var read = DateTimeCalls.get_UtcNow("Out.cs", 4);
        Assert.InRange(read, before, DateTime.UtcNow);
        Assert.Equal(DateTimeKind.Local, DateTimeCalls.get_Now("Out.cs", 5).Kind);
        var timestamp = Stopwatch.GetTimestamp();
        Assert.InRange(StopwatchCalls.GetTimestamp("Out.cs", 6), timestamp, Stopwatch.GetTimestamp());
        Assert.NotEqual(GuidCalls.NewGuid("Out.cs", 7), GuidCalls.NewGuid("Out.cs", 8));
        var stopwatch = StopwatchCalls.StartNew("Out.cs", 9);
        Assert.True(stopwatch.IsRunning);
        Assert.True(StopwatchCalls.get_IsRunning(stopwatch, "Out.cs", 10));
        StopwatchCalls.Stop(stopwatch, "Out.cs", 11);
        Assert.False(stopwatch.IsRunning);
        Assert.Equal(stopwatch.Elapsed, StopwatchCalls.get_Elapsed(stopwatch, "Out.cs", 12));
    }

    [Fact]
    public async Task Tasks_work_items_and_timers_run_for_real()
    {
        Assert.Equal(5, await TaskCalls.Run(() => 5, "Out.cs", 1));
        Assert.Equal(6, TaskOfTResultCalls.get_Result(TaskFactoryCalls.StartNew(Task.Factory, () => 6, "Out.cs", 2), "Out.cs", 3));
        Assert.Same(Task.CompletedTask, TaskCalls.Delay(0, "Out.cs", 4));

        using var queued = new ManualResetEventSlim();
        Assert.True(ThreadPoolCalls.QueueUserWorkItem(_ => queued.Set(), null, "Out.cs", 5));
        Assert.True(queued.Wait(Patience, CancellationToken.None));

        using var fired = new ManualResetEventSlim();
        using var timer = TimerCalls.New(_ => fired.Set(), null, 0, Timeout.Infinite, "Out.cs", 6);
        Assert.True(fired.Wait(Patience, CancellationToken.None));
        Assert.True(TimerCalls.Change(timer, Timeout.Infinite, Timeout.Infinite, "Out.cs", 7));
        TimerCalls.Dispose(timer, "Out.cs", 8);
        Assert.False(TimerCalls.Change(timer, 1, 1, "Out.cs", 9));
    }

    [Fact]
    public void Blocking_waits_give_the_real_results_and_exceptions()
    {
        var failed = Task.FromException<int>(new InvalidOperationException("boom"));
        Assert.IsType<AggregateException>(Record.Exception(() => TaskCalls.Wait(failed, "Out.cs", 1)));
        Assert.IsType<AggregateException>(Record.Exception(() => TaskOfTResultCalls.get_Result(failed, "Out.cs", 2)));
        var awaiter = failed.GetAwaiter();
        Assert.IsType<InvalidOperationException>(Record.Exception(() => TaskAwaiterOfTResultCalls.GetResult(ref awaiter, "Out.cs", 3)));
        Assert.False(TaskCalls.Wait(new TaskCompletionSource().Task, 0, "Out.cs", 4));
        Assert.Equal(1, TaskCalls.WaitAny([new TaskCompletionSource().Task, Task.CompletedTask], "Out.cs", 5));
        var configured = TaskCalls.ConfigureAwait(Task.CompletedTask, continueOnCapturedContext: false, "Out.cs", 6);
#pragma warning disable xUnit1030 // not awaited: the stand-in's awaitable is compared with the real one
        Assert.Equal(Task.CompletedTask.ConfigureAwait(continueOnCapturedContext: false), configured);
#pragma warning restore xUnit1030
    }

    /// <summary>Argument checks, with the real member's exception type and parameter name, outside and inside an execution alike.</summary>
    public static TheoryData<string> Misuses() =>
    [
        "Task.Delay(-2)", "Task.Delay(TimeSpan -2ms)", "Task.Run(null)", "Task.Wait(-2)", "Task.WaitAll(null)", "Task.WaitAll([null])",
        "Task.WaitAny(Task[] -2ms)", "new Timer(null)", "new Timer(-2)", "new Timer(long too large)", "new Timer(TimeSpan -2ms)",
        "new PeriodicTimer(0)", "Guid.CreateVersion7(before 1970)", "QueueUserWorkItem(null)", "UnsafeQueueUserWorkItem(a task)",
        "StartNew(null scheduler)", "Task.WaitAsync(TimeSpan -2ms)",
    ];

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_throws_what_the_real_member_throws(string misuse)
    {
        var outside = Record.Exception(() => Misuse(misuse));
        var inside = Run.ThrownInside(() => Misuse(misuse));

        Assert.NotNull(outside);
        Assert.Equal(outside.GetType(), inside?.GetType());
        Assert.Equal((outside as ArgumentException)?.ParamName, (inside as ArgumentException)?.ParamName);
        var real = Record.Exception(() => Real(misuse));
        Assert.Equal(real?.GetType(), outside.GetType());
        Assert.Equal((real as ArgumentException)?.ParamName, (outside as ArgumentException)?.ParamName);
    }

    private static readonly Task Pending = new TaskCompletionSource().Task;

    private static void Misuse(string misuse)
    {
        _ = misuse switch
        {
            "Task.Delay(-2)" => (object?)TaskCalls.Delay(-2, "M.cs", 1),
            "Task.Delay(TimeSpan -2ms)" => (object?)TaskCalls.Delay(TimeSpan.FromMilliseconds(-2), "M.cs", 1),
            "Task.Run(null)" => (object?)TaskCalls.Run((Action)null!, "M.cs", 1),
            "Task.Wait(-2)" => (object?)TaskCalls.Wait(Pending, -2, "M.cs", 1),
            "Task.WaitAll(null)" => (object?)TaskCalls.WaitAll((Task[])null!, 10, "M.cs", 1),
            "Task.WaitAll([null])" => (object?)TaskCalls.WaitAll([Pending, null!], 10, "M.cs", 1),
            "Task.WaitAny(Task[] -2ms)" => (object?)TaskCalls.WaitAny([Pending], TimeSpan.FromMilliseconds(-2), "M.cs", 1),
            "new Timer(null)" => (object?)TimerCalls.New(null!, null, 1, 1, "M.cs", 1),
            "new Timer(-2)" => (object?)TimerCalls.New(_ => { }, null, 1, -2, "M.cs", 1),
            "new Timer(long too large)" => (object?)TimerCalls.New(_ => { }, null, 0xffffffffL, 1L, "M.cs", 1),
            "new Timer(TimeSpan -2ms)" => (object?)TimerCalls.New(_ => { }, null, TimeSpan.FromMilliseconds(-2), TimeSpan.Zero, "M.cs", 1),
            "new PeriodicTimer(0)" => (object?)PeriodicTimerCalls.New(TimeSpan.Zero, "M.cs", 1),
            "Guid.CreateVersion7(before 1970)" => (object?)GuidCalls.CreateVersion7(DateTimeOffset.UnixEpoch.AddDays(-1), "M.cs", 1),
            "QueueUserWorkItem(null)" => (object?)ThreadPoolCalls.QueueUserWorkItem(null!, "M.cs", 1),
            "UnsafeQueueUserWorkItem(a task)" => (object?)ThreadPoolCalls.UnsafeQueueUserWorkItem((System.Threading.IThreadPoolWorkItem)Task.CompletedTask, false, "M.cs", 1),
            "StartNew(null scheduler)" => (object?)TaskFactoryCalls.StartNew(Task.Factory, () => { }, CancellationToken.None, TaskCreationOptions.None, null!, "M.cs", 1),
            "Task.WaitAsync(TimeSpan -2ms)" => (object?)TaskCalls.WaitAsync(Pending, TimeSpan.FromMilliseconds(-2), "M.cs", 1),
            _ => throw new ArgumentOutOfRangeException(nameof(misuse)),
        };
    }

    private static void Real(string misuse)
    {
        _ = misuse switch
        {
            "Task.Delay(-2)" => (object?)Task.Delay(-2),
            "Task.Delay(TimeSpan -2ms)" => (object?)Task.Delay(TimeSpan.FromMilliseconds(-2)),
            "Task.Run(null)" => (object?)Task.Run((Action)null!),
            "Task.Wait(-2)" => (object?)Pending.Wait(-2),
            "Task.WaitAll(null)" => (object?)Task.WaitAll((Task[])null!, 10),
            "Task.WaitAll([null])" => (object?)Task.WaitAll([Pending, null!], 10),
            "Task.WaitAny(Task[] -2ms)" => (object?)Task.WaitAny([Pending], TimeSpan.FromMilliseconds(-2)),
            "new Timer(null)" => (object?)new System.Threading.Timer(null!, null, 1, 1),
            "new Timer(-2)" => (object?)new System.Threading.Timer(_ => { }, null, 1, -2),
            "new Timer(long too large)" => (object?)new System.Threading.Timer(_ => { }, null, 0xffffffffL, 1L),
            "new Timer(TimeSpan -2ms)" => (object?)new System.Threading.Timer(_ => { }, null, TimeSpan.FromMilliseconds(-2), TimeSpan.Zero),
            "new PeriodicTimer(0)" => (object?)new System.Threading.PeriodicTimer(TimeSpan.Zero),
            "Guid.CreateVersion7(before 1970)" => (object?)Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddDays(-1)),
            "QueueUserWorkItem(null)" => (object?)System.Threading.ThreadPool.QueueUserWorkItem(null!),
            "UnsafeQueueUserWorkItem(a task)" => (object?)System.Threading.ThreadPool.UnsafeQueueUserWorkItem((System.Threading.IThreadPoolWorkItem)Task.CompletedTask, false),
            "StartNew(null scheduler)" => (object?)Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, null!),
            "Task.WaitAsync(TimeSpan -2ms)" => (object?)Pending.WaitAsync(TimeSpan.FromMilliseconds(-2)),
            _ => throw new ArgumentOutOfRangeException(nameof(misuse)),
        };
    }
}
