using Loom.Interception;
using Loom.Simulation;
using Loom.Tests.Threading;
using Loom.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenRegistration = System.Threading.CancellationTokenRegistration;
using CancellationTokenSource = System.Threading.CancellationTokenSource;
using RealSemaphore = System.Threading.SemaphoreSlim;
using Timeout = System.Threading.Timeout;

namespace Loom.Tests.Interception;

/// <summary>
/// The stand-ins of <see cref="CancellationTokenSource"/>, <see cref="CancellationToken"/> and
/// <see cref="CancellationTokenRegistration"/>, called as rewritten code calls them: cancelling, registering and
/// disposing a registration are scheduling points, callbacks run under Loom's control as .NET runs them, and a
/// registration's Dispose is a controlled wait.
/// </summary>
public class CancellationCallsTests
{
    /// <summary>A source made outside every execution: the model starts from it each time and never changes it.</summary>
    private static readonly CancellationTokenSource Outside = new();

    public static TheoryData<bool> MadeInside() => [true, false];

    private sealed class Job
    {
        public int Armed;
        public int Stopped;
    }

    /// <summary>
    /// A job arms itself unless cancellation was requested and registers the callback that stops it; a canceller that
    /// sees it armed cancels and counts on the callback having run by the time Cancel returns. Registering after the
    /// check leaves a window where the job is armed and Cancel finds nothing to run.
    /// </summary>
    private static ExplorationResult RegistrationModel(bool registerFirst) => LoomModel.Explore(() =>
    {
        var source = CancellationTokenSourceCalls.New("Job.cs", 1);
        var token = CancellationTokenSourceCalls.get_Token(source, "Job.cs", 2);
        var job = new Job();
        Action stop = () => Volatile.Write(ref job.Stopped, 1, file: "Job.cs", line: 3);
        Rewritten.All(
            () =>
            {
                if (registerFirst)
                    CancellationTokenCalls.Register(ref token, stop, "Job.cs", 10);
                if (CancellationTokenCalls.get_IsCancellationRequested(ref token, "Job.cs", 11))
                    return;
                Volatile.Write(ref job.Armed, 1, file: "Job.cs", line: 12);
                if (!registerFirst)
                    CancellationTokenCalls.Register(ref token, stop, "Job.cs", 13);
            },
            () =>
            {
                if (Volatile.Read(ref job.Armed, file: "Job.cs", line: 20) == 0)
                    return;
                CancellationTokenSourceCalls.Cancel(source, "Job.cs", 21);
                Rewritten.Expect(Volatile.Read(ref job.Stopped, file: "Job.cs", line: 22) == 1, "the job was armed, but Cancel returned before its stop callback ran");
            });
    });

    [Fact]
    public void A_callback_registered_after_the_cancellation_check_races_cancel_and_registering_first_fixes_it()
    {
        var buggy = RegistrationModel(registerFirst: false);
        var failure = Assert.IsType<LoomFailure>(buggy.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Contains("before its stop callback ran", failure.Message);
        Assert.Contains(failure.Trace, step => step.Operation == "CancellationTokenSource.Cancel" && step.Line == 21);

        var fixedModel = RegistrationModel(registerFirst: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    /// <summary>
    /// Thread A disposes a registration while thread B's Cancel runs its callback, which takes the lock A holds when
    /// it disposes under that lock: a real deadlock, which Loom reports as one.
    /// </summary>
    private static ExplorationResult DisposeUnderLockModel(bool underLock) => LoomModel.Explore(() =>
    {
        var source = CancellationTokenSourceCalls.New("Cleanup.cs", 1);
        var token = CancellationTokenSourceCalls.get_Token(source, "Cleanup.cs", 2);
        var gate = new object();
        var cleanups = new Counter();
        var registration = CancellationTokenCalls.Register(ref token, () =>
        {
            Monitor.Enter(gate, "Cleanup.cs", 5);
            cleanups.Increment("Cleanup.cs", 6);
            Monitor.Exit(gate, "Cleanup.cs", 7);
        }, "Cleanup.cs", 4);
        Rewritten.All(
            () =>
            {
                Monitor.Enter(gate, "Cleanup.cs", 11);
                if (underLock)
                    CancellationTokenRegistrationCalls.Dispose(ref registration, "Cleanup.cs", 12);
                Monitor.Exit(gate, "Cleanup.cs", 13);
                if (!underLock)
                    CancellationTokenRegistrationCalls.Dispose(ref registration, "Cleanup.cs", 14);
            },
            () => CancellationTokenSourceCalls.Cancel(source, "Cleanup.cs", 20));
        Rewritten.Expect(cleanups.Value <= 1, $"the callback ran {cleanups.Value} times");
    });

    [Fact]
    public void A_registration_disposed_under_a_lock_its_callback_needs_is_a_deadlock_and_disposing_outside_the_lock_passes()
    {
        var buggy = DisposeUnderLockModel(underLock: true);
        var failure = Assert.IsType<LoomFailure>(buggy.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Contains("CancellationTokenRegistration.Dispose at Cleanup.cs:12", failure.Message);
        Assert.Contains("waiting for the callback registered at Cleanup.cs:4", failure.Message);
        Assert.Contains("Cleanup.cs:5", failure.Message);

        var fixedModel = DisposeUnderLockModel(underLock: false);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        Assert.True(fixedModel.Executions > 1);
    }

    /// <summary>Disposing waits for a callback running on another thread; unregistering does not.</summary>
    private static ExplorationResult WaitForCallbackModel(bool dispose) => LoomModel.Explore(() =>
    {
        var source = CancellationTokenSourceCalls.New("Wait.cs", 1);
        var token = CancellationTokenSourceCalls.get_Token(source, "Wait.cs", 2);
        var inside = 0;
        var registration = CancellationTokenCalls.Register(ref token, () =>
        {
            Volatile.Write(ref inside, 1, file: "Wait.cs", line: 4);
            Volatile.Write(ref inside, 0, file: "Wait.cs", line: 5);
        }, "Wait.cs", 3);
        Rewritten.All(
            () => CancellationTokenSourceCalls.Cancel(source, "Wait.cs", 10),
            () =>
            {
                if (dispose)
                    CancellationTokenRegistrationCalls.Dispose(ref registration, "Wait.cs", 11);
                else
                    CancellationTokenRegistrationCalls.Unregister(ref registration, "Wait.cs", 12);
                Rewritten.Expect(Volatile.Read(ref inside, file: "Wait.cs", line: 13) == 0, "the callback was still running when the registration call returned");
            });
    });

    [Fact]
    public void Dispose_waits_for_a_callback_running_on_another_thread_where_Unregister_does_not()
    {
        var unregistered = WaitForCallbackModel(dispose: false);
        Assert.Equal(FailureKind.Exception, unregistered.Failure?.Kind);

        var disposed = WaitForCallbackModel(dispose: true);
        Assert.True(disposed.Passed, disposed.Failure?.Report);
        Assert.True(disposed.Exhausted);
    }

    [Fact]
    public void A_registration_disposed_inside_its_own_callback_returns_at_once()
    {
        var result = LoomModel.Explore(() =>
        {
            var source = CancellationTokenSourceCalls.New("Self.cs", 1);
            var token = CancellationTokenSourceCalls.get_Token(source, "Self.cs", 2);
            CancellationTokenRegistration registration = default;
            var ran = 0;
            registration = CancellationTokenCalls.Register(ref token, () =>
            {
                CancellationTokenRegistrationCalls.Dispose(ref registration, "Self.cs", 4);
                ran++;
            }, "Self.cs", 3);
            Rewritten.All(() => CancellationTokenSourceCalls.Cancel(source, "Self.cs", 5));
            Run.Expect(ran == 1, $"the callback ran {ran} times");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Theory]
    [MemberData(nameof(MadeInside))]
    public void Callbacks_run_on_the_cancelling_thread_most_recent_first_with_their_exceptions_aggregated(bool madeInside)
    {
        var seen = new List<string>();
        var result = LoomModel.Explore(() =>
        {
            seen.Clear();
            var source = madeInside ? CancellationTokenSourceCalls.New("Order.cs", 1) : Outside;
            var token = CancellationTokenSourceCalls.get_Token(source, "Order.cs", 2);
            var threads = new List<int>();
            CancellationTokenCalls.Register(ref token, () => seen.Add("first"), "Order.cs", 3);
            CancellationTokenCalls.Register(ref token, _ => throw new InvalidOperationException("second"), null, "Order.cs", 4);
            CancellationTokenCalls.Register(ref token, (_, t) =>
            {
                threads.Add(EnvironmentCalls.get_CurrentManagedThreadId("Order.cs", 5));
                seen.Add(t == token ? "third with its token" : "third with another token");
                throw new ArgumentException("third");
            }, null, "Order.cs", 5);
            Rewritten.All(() =>
            {
                threads.Add(EnvironmentCalls.get_CurrentManagedThreadId("Order.cs", 6));
                var thrown = Assert.IsType<AggregateException>(Record.Exception(() => CancellationTokenSourceCalls.Cancel(source, "Order.cs", 7)));
                seen.Add(string.Join(",", thrown.InnerExceptions.Select(e => e.Message.Split(' ')[0])));
            });
            seen.Add(threads.Distinct().Count() == 1 ? "one thread" : "several threads");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["third with its token", "first", "third,second", "one thread"], seen);
        Assert.False(Outside.IsCancellationRequested);
    }

    [Theory]
    [MemberData(nameof(MadeInside))]
    public void Cancel_with_throw_on_first_exception_stops_at_the_first_exception_and_throws_it_as_it_is(bool madeInside)
    {
        Exception? thrown = null;
        var ran = new List<int>();
        var result = LoomModel.Explore(() =>
        {
            ran.Clear();
            var source = madeInside ? CancellationTokenSourceCalls.New("First.cs", 1) : new CancellationTokenSource();
            var token = CancellationTokenSourceCalls.get_Token(source, "First.cs", 2);
            CancellationTokenCalls.Register(ref token, () => ran.Add(1), "First.cs", 3);
            CancellationTokenCalls.Register(ref token, () =>
            {
                ran.Add(2);
                throw new InvalidOperationException("stop");
            }, "First.cs", 4);
            thrown = Record.Exception(() => CancellationTokenSourceCalls.Cancel(source, throwOnFirstException: true, "First.cs", 5));
            Run.Expect(CancellationTokenSourceCalls.get_IsCancellationRequested(source, "First.cs", 6), "not cancelled");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.IsType<InvalidOperationException>(thrown);
        Assert.Equal([2], ran);
    }

    [Theory]
    [MemberData(nameof(MadeInside))]
    public void Registering_on_a_cancelled_token_runs_the_callback_at_once_on_the_registering_thread(bool madeInside)
    {
        var result = LoomModel.Explore(() =>
        {
            var source = madeInside ? CancellationTokenSourceCalls.New("Late.cs", 1) : new CancellationTokenSource();
            var token = CancellationTokenSourceCalls.get_Token(source, "Late.cs", 2);
            Rewritten.All(() => CancellationTokenSourceCalls.Cancel(source, "Late.cs", 3));
            var ran = 0;
            var registration = CancellationTokenCalls.Register(ref token, () => ran++, "Late.cs", 4);
            Run.Expect(ran == 1, "the callback did not run at once");
            Run.Expect(registration.Equals(default(CancellationTokenRegistration)), "the registration is not empty");
            Run.Expect(!CancellationTokenRegistrationCalls.Unregister(ref registration, "Late.cs", 5), "an empty registration unregistered");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Cancellation_and_a_read_of_it_on_two_threads_are_tried_in_both_orders()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var source = CancellationTokenSourceCalls.New("Read.cs", 1);
            var token = CancellationTokenSourceCalls.get_Token(source, "Read.cs", 2);
            var outcome = "";
            Rewritten.All(
                () => CancellationTokenSourceCalls.Cancel(source, "Read.cs", 3),
                () => outcome = CancellationTokenCalls.get_IsCancellationRequested(ref token, "Read.cs", 4) ? "saw it" : "missed it");
            return outcome;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["missed it", "saw it"], seen);
    }

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
            "Register(null)" => () =>
            {
                var token = CancellationTokenSourceCalls.get_Token(CancellationTokenSourceCalls.New("Misuse.cs", 1), "Misuse.cs", 1);
                CancellationTokenCalls.Register(ref token, (Action)null!, "Misuse.cs", 1);
            },
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

    private static CancellationTokenSource Disposed()
    {
        var source = CancellationTokenSourceCalls.New("Misuse.cs", 1);
        CancellationTokenSourceCalls.Dispose(source, "Misuse.cs", 1);
        return source;
    }
}
