using Loom.Interception;
using Loom.Simulation;
using Loom.Tests.Threading;
using Loom.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using RealSemaphore = System.Threading.SemaphoreSlim;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Interception;

/// <summary>
/// A <see cref="CancellationTokenSource"/>'s life through its stand-ins: delays on virtual time, <c>CancelAsync</c>,
/// linked sources, the waits of Loom's other models, which real sources the model changes, and misuse.
/// </summary>
public class CancellationSourceCallsTests
{
    /// <summary>A source made outside every execution: the model starts from it each time and never changes it.</summary>
    private static readonly CancellationTokenSource Outside = new();

    public static TheoryData<bool> MadeInside() => [true, false];

    [Fact]
    public void A_delay_and_CancelAfter_cancel_at_their_moment_of_virtual_time_and_TryReset_disarms()
    {
        var fired = new SortedSet<string>();
        var result = LoomModel.Explore(() =>
        {
            fired.Clear();
            var clock = (SimClock)Sim.Clock;
            void Watch(CancellationTokenSource source, string name, int line)
            {
                var token = CancellationTokenSourceCalls.get_Token(source, "Timed.cs", line);
                CancellationTokenCalls.Register(ref token, () => fired.Add($"{name} at {clock.Elapsed.TotalMilliseconds} ms"), "Timed.cs", line);
            }
            Watch(CancellationTokenSourceCalls.New(TimeSpan.FromSeconds(2), "Timed.cs", 1), "constructor", 1);
            Watch(CancellationTokenSourceCalls.New(TimeSpan.FromMilliseconds(1500), TimeProviderCalls.get_System("Timed.cs", 2), "Timed.cs", 2), "system clock", 2);
            var after = CancellationTokenSourceCalls.New("Timed.cs", 3);
            CancellationTokenSourceCalls.CancelAfter(after, 250, "Timed.cs", 3);
            Watch(after, "CancelAfter", 3);
            var rearmed = CancellationTokenSourceCalls.New(100, "Timed.cs", 4);
            CancellationTokenSourceCalls.CancelAfter(rearmed, TimeSpan.FromSeconds(1), "Timed.cs", 4);
            Watch(rearmed, "re-armed", 4);
            var reset = CancellationTokenSourceCalls.New("Timed.cs", 5);
            CancellationTokenSourceCalls.CancelAfter(reset, 50, "Timed.cs", 5);
            Watch(reset, "reset", 5);
            Run.Expect(CancellationTokenSourceCalls.TryReset(reset, "Timed.cs", 6), "TryReset failed");
            Watch(CancellationTokenSourceCalls.New(0, "Timed.cs", 7), "zero", 7);
            TaskCalls.Wait(TaskCalls.Delay(TimeSpan.FromSeconds(5), "Timed.cs", 8), "Timed.cs", 8);
            Run.Expect(!CancellationTokenSourceCalls.get_IsCancellationRequested(reset, "Timed.cs", 9), "the reset source was cancelled");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["CancelAfter at 250 ms", "constructor at 2000 ms", "re-armed at 1000 ms", "system clock at 1500 ms", "zero at 0 ms"], fired);
    }

    [Fact]
    public void CancelAsync_requests_cancellation_at_once_and_runs_the_callbacks_as_a_task_of_the_execution()
    {
        var result = LoomModel.Explore(async () =>
        {
            var source = CancellationTokenSourceCalls.New("Async.cs", 1);
            var token = CancellationTokenSourceCalls.get_Token(source, "Async.cs", 2);
            var callbackThread = -1;
            CancellationTokenCalls.Register(ref token, () => callbackThread = EnvironmentCalls.get_CurrentManagedThreadId("Async.cs", 3), "Async.cs", 3);
            var cancelled = CancellationTokenSourceCalls.CancelAsync(source, "Async.cs", 4);
            Run.Expect(callbackThread == -1, "the callback ran inside CancelAsync");
            Run.Expect(CancellationTokenSourceCalls.get_IsCancellationRequested(source, "Async.cs", 5), "CancelAsync did not request cancellation");
            var me = EnvironmentCalls.get_CurrentManagedThreadId("Async.cs", 6);
            await cancelled;
            Run.Expect(callbackThread > 0 && callbackThread != me, $"the callback ran on thread {callbackThread}, the caller is {me}");
            CancellationTokenSourceCalls.Dispose(source, "Async.cs", 7);
            var disposed = CancellationTokenSourceCalls.CancelAsync(source, "Async.cs", 8);
            Run.Expect(disposed.Exception?.InnerException is ObjectDisposedException, "CancelAsync on a disposed source did not fail");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Theory]
    [MemberData(nameof(MadeInside))]
    public void A_linked_source_is_cancelled_by_any_of_its_tokens_until_it_is_disposed(bool madeInside)
    {
        var result = LoomModel.Explore(() =>
        {
            var first = madeInside ? CancellationTokenSourceCalls.New("Linked.cs", 1) : new CancellationTokenSource();
            var second = CancellationTokenSourceCalls.New("Linked.cs", 2);
            var linked = CancellationTokenSourceCalls.CreateLinkedTokenSource(
                CancellationTokenSourceCalls.get_Token(first, "Linked.cs", 3), CancellationTokenSourceCalls.get_Token(second, "Linked.cs", 3), "Linked.cs", 3);
            var dropped = CancellationTokenSourceCalls.CreateLinkedTokenSource([CancellationTokenSourceCalls.get_Token(first, "Linked.cs", 4)], "Linked.cs", 4);
            CancellationTokenSourceCalls.Dispose(dropped, "Linked.cs", 5);
            var token = CancellationTokenSourceCalls.get_Token(linked, "Linked.cs", 6);
            var hits = 0;
            CancellationTokenCalls.Register(ref token, () => hits++, "Linked.cs", 6);
            Rewritten.All(() => CancellationTokenSourceCalls.Cancel(first, "Linked.cs", 7));
            Run.Expect(hits == 1 && CancellationTokenCalls.get_IsCancellationRequested(ref token, "Linked.cs", 8), "the linked source was not cancelled");
            Run.Expect(!CancellationTokenSourceCalls.get_IsCancellationRequested(dropped, "Linked.cs", 9), "a disposed linked source was cancelled");
            var late = CancellationTokenSourceCalls.CreateLinkedTokenSource(CancellationTokenSourceCalls.get_Token(first, "Linked.cs", 10), "Linked.cs", 10);
            Run.Expect(CancellationTokenSourceCalls.get_IsCancellationRequested(late, "Linked.cs", 11), "a source linked to a cancelled token is not cancelled");
            CancellationTokenSourceCalls.Cancel(second, "Linked.cs", 12);
            Run.Expect(hits == 1, "the linked source's callback ran twice");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Theory]
    [MemberData(nameof(MadeInside))]
    public void Waits_on_other_models_end_under_control_when_another_thread_cancels_their_token(bool madeInside)
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var source = madeInside ? CancellationTokenSourceCalls.New("Waits.cs", 1) : Outside;
            var token = CancellationTokenSourceCalls.get_Token(source, "Waits.cs", 2);
            var semaphore = new RealSemaphore(0);
            var blocked = "";
            var never = new TaskCompletionSource();
            var queued = SemaphoreSlimCalls.WaitAsync(semaphore, token, "Waits.cs", 3);
            var waiter = ThreadCalls.New(() =>
            {
                try
                {
                    SemaphoreSlimCalls.Wait(semaphore, token, "Waits.cs", 4);
                    blocked = "entered";
                }
                catch (OperationCanceledException)
                {
                    blocked = "cancelled";
                }
            });
            var canceller = ThreadCalls.New(() =>
            {
                CancellationTokenSourceCalls.Cancel(source, "Waits.cs", 5);
                SemaphoreSlimCalls.Release(semaphore, "Waits.cs", 6);
            });
            ThreadCalls.Start(waiter, "Waits.cs", 7);
            ThreadCalls.Start(canceller, "Waits.cs", 7);
            var task = Record.Exception(() => TaskCalls.Wait(never.Task, token, "Waits.cs", 8)) is OperationCanceledException ? "task wait cancelled" : "task wait went on";
            ThreadCalls.Join(waiter, "Waits.cs", 9);
            ThreadCalls.Join(canceller, "Waits.cs", 9);
            TaskCalls.WaitAny([queued], "Waits.cs", 10);
            return $"{blocked}, async {(queued.IsCanceled ? "cancelled" : "entered")}, {task}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Contains("cancelled, async cancelled, task wait cancelled", seen);
        Assert.Contains("entered, async cancelled, task wait cancelled", seen);
        Assert.False(Outside.IsCancellationRequested);
    }

    [Fact]
    public void A_source_made_inside_is_cancelled_for_real_so_code_that_was_not_rewritten_sees_it()
    {
        var result = LoomModel.Explore(() =>
        {
            var source = CancellationTokenSourceCalls.New("Real.cs", 1);
            // Task.Delay here is the BCL's own, not its stand-in: it registers on the real token.
            var delay = Task.Delay(Timeout.Infinite, CancellationTokenSourceCalls.get_Token(source, "Real.cs", 2));
            Rewritten.All(() => CancellationTokenSourceCalls.Cancel(source, "Real.cs", 3));
            TaskCalls.WaitAny([delay], "Real.cs", 4);
            Run.Expect(delay.IsCanceled && source.IsCancellationRequested, "the real source was not cancelled");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_source_cancelled_for_real_by_code_that_was_not_rewritten_runs_the_models_callbacks_there()
    {
        var result = LoomModel.Explore(() =>
        {
            // Made and cancelled by code that was not rewritten: the model does not change it, but hears of it.
            var source = new CancellationTokenSource();
            var token = source.Token;
            var callbackThread = -1;
            CancellationTokenCalls.Register(ref token, () => callbackThread = EnvironmentCalls.get_CurrentManagedThreadId("Unrewritten.cs", 1), "Unrewritten.cs", 1);
            var cancellerThread = 0;
            Rewritten.All(() =>
            {
                cancellerThread = EnvironmentCalls.get_CurrentManagedThreadId("Unrewritten.cs", 2);
                source.Cancel();
            });
            Run.Expect(callbackThread == cancellerThread, $"the callback ran on thread {callbackThread}, the canceller is {cancellerThread}");
            Run.Expect(CancellationTokenCalls.get_IsCancellationRequested(ref token, "Unrewritten.cs", 3), "the model did not see the cancellation");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_source_cancelled_on_a_thread_Loom_does_not_control_fails_the_execution_as_uncontrolled()
    {
        var result = LoomModel.Explore(() =>
        {
            var source = new CancellationTokenSource();
            var token = source.Token;
            CancellationTokenCalls.Register(ref token, () => { }, "Escape.cs", 1);
            var real = new System.Threading.Thread(() => source.Cancel());
            real.Start();
            real.Join();
            Interlocked.MemoryBarrier();
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.UncontrolledConcurrency, failure.Kind);
        Assert.Contains("the callback registered at Escape.cs:1", failure.Message);
    }

    public static TheoryData<string> Misuses() =>
    [
        "Cancel after Dispose", "Token after Dispose", "CancelAfter after Dispose", "TryReset after Dispose", "CancelAfter(-2)",
        "CancelAfter(TimeSpan -2ms)", "new CancellationTokenSource(-2)", "new CancellationTokenSource(TimeSpan -2ms)",
        "new CancellationTokenSource(delay, null)", "Register(null)", "CreateLinkedTokenSource([])", "CreateLinkedTokenSource(null)",
    ];

    /// <summary>Misuse throws what the real member throws, with its parameter name, outside and inside an execution alike.</summary>
    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_throws_as_the_real_member_does_inside_an_execution_too(string misuse)
    {
        Action call = misuse switch
        {
            "Cancel after Dispose" => () => CancellationTokenSourceCalls.Cancel(Disposed(), "Misuse.cs", 1),
            "Token after Dispose" => () => CancellationTokenSourceCalls.get_Token(Disposed(), "Misuse.cs", 1),
            "CancelAfter after Dispose" => () => CancellationTokenSourceCalls.CancelAfter(Disposed(), 1, "Misuse.cs", 1),
            "TryReset after Dispose" => () => CancellationTokenSourceCalls.TryReset(Disposed(), "Misuse.cs", 1),
            "CancelAfter(-2)" => () => CancellationTokenSourceCalls.CancelAfter(CancellationTokenSourceCalls.New("Misuse.cs", 1), -2, "Misuse.cs", 1),
            "CancelAfter(TimeSpan -2ms)" => () => CancellationTokenSourceCalls.CancelAfter(CancellationTokenSourceCalls.New("Misuse.cs", 1), TimeSpan.FromMilliseconds(-2), "Misuse.cs", 1),
            "new CancellationTokenSource(-2)" => () => CancellationTokenSourceCalls.New(-2, "Misuse.cs", 1),
            "new CancellationTokenSource(TimeSpan -2ms)" => () => CancellationTokenSourceCalls.New(TimeSpan.FromMilliseconds(-2), "Misuse.cs", 1),
            "new CancellationTokenSource(delay, null)" => () => CancellationTokenSourceCalls.New(TimeSpan.Zero, null!, "Misuse.cs", 1),
            "Register(null)" => RegisterNull,
            "CreateLinkedTokenSource([])" => () => CancellationTokenSourceCalls.CreateLinkedTokenSource(Array.Empty<CancellationToken>(), "Misuse.cs", 1),
            "CreateLinkedTokenSource(null)" => () => CancellationTokenSourceCalls.CreateLinkedTokenSource((CancellationToken[])null!, "Misuse.cs", 1),
            _ => throw new ArgumentOutOfRangeException(nameof(misuse)),
        };

        var outside = Record.Exception(call);
        var inside = Run.ThrownInside(call);
        Assert.NotNull(outside);
        Assert.Equal(outside.GetType(), inside?.GetType());
        Assert.Equal(outside.Message, inside!.Message);
    }

    [Fact]
    public void Inside_an_execution_the_wait_handle_of_a_token_is_not_supported()
    {
        var token = new CancellationTokenSource().Token;
        var thrown = Run.ThrownInside(() => CancellationTokenCalls.get_WaitHandle(ref token, "Handle.cs", 1));
        Assert.IsType<NotSupportedException>(thrown);
        Assert.Contains("Register a callback", thrown.Message);
    }

    [Fact]
    public void Outside_an_execution_the_stand_ins_are_the_real_members()
    {
        using var source = CancellationTokenSourceCalls.New("Real.cs", 1);
        var token = CancellationTokenSourceCalls.get_Token(source, "Real.cs", 2);
        Assert.Equal(source.Token, token);
        var runs = new List<string>();
        var first = CancellationTokenCalls.Register(ref token, () => runs.Add("first"), "Real.cs", 3);
        var second = CancellationTokenCalls.UnsafeRegister(ref token, (_, t) => runs.Add(t == token ? "second" : "?"), null, "Real.cs", 4);
        Assert.Equal(token, first.Token);
        Assert.True(CancellationTokenRegistrationCalls.Unregister(ref first, "Real.cs", 5));
        Assert.False(CancellationTokenCalls.get_IsCancellationRequested(ref token, "Real.cs", 6));
        Assert.True(CancellationTokenSourceCalls.TryReset(source, "Real.cs", 7));
        CancellationTokenCalls.Register(ref token, _ => runs.Add("third"), null, "Real.cs", 8);
        var linked = CancellationTokenSourceCalls.CreateLinkedTokenSource(token, "Real.cs", 9);
        CancellationTokenSourceCalls.Cancel(source, "Real.cs", 10);
        Assert.Equal(["third"], runs);
        Assert.True(CancellationTokenSourceCalls.get_IsCancellationRequested(linked, "Real.cs", 11));
        Assert.IsType<OperationCanceledException>(Record.Exception(() => CancellationTokenCalls.ThrowIfCancellationRequested(ref token, "Real.cs", 12)));
        Assert.True(CancellationTokenCalls.get_WaitHandle(ref token, "Real.cs", 13).WaitOne(0));
        CancellationTokenRegistrationCalls.Dispose(ref second, "Real.cs", 14);
        Assert.True(CancellationTokenRegistrationCalls.DisposeAsync(ref second, "Real.cs", 15).IsCompleted);
        Assert.True(CancellationTokenSourceCalls.CancelAsync(source, "Real.cs", 16).IsCompleted);
        CancellationTokenSourceCalls.Dispose(source, "Real.cs", 17);
        Assert.Throws<ObjectDisposedException>(() => CancellationTokenSourceCalls.get_Token(source, "Real.cs", 18));

        using var timed = CancellationTokenSourceCalls.New(Timeout.InfiniteTimeSpan, TimeProvider.System, "Real.cs", 19);
        CancellationTokenSourceCalls.CancelAfter(timed, 0, "Real.cs", 20);
        Assert.True(timed.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
    }

    private static void RegisterNull()
    {
        var token = CancellationTokenSourceCalls.get_Token(CancellationTokenSourceCalls.New("Misuse.cs", 1), "Misuse.cs", 1);
        CancellationTokenCalls.Register(ref token, (Action)null!, "Misuse.cs", 1);
    }

    private static CancellationTokenSource Disposed()
    {
        var source = CancellationTokenSourceCalls.New("Misuse.cs", 1);
        CancellationTokenSourceCalls.Dispose(source, "Misuse.cs", 1);
        return source;
    }
}
