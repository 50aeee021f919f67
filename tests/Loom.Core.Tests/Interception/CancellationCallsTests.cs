using Loom.Interception;
using Loom.Tests.Threading;
using Loom.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenRegistration = System.Threading.CancellationTokenRegistration;
using CancellationTokenSource = System.Threading.CancellationTokenSource;

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

    /// <summary>Disposing waits for a callback running on another thread, and so does DisposeAsync's task; unregistering does not.</summary>
    private static ExplorationResult WaitForCallbackModel(string how) => LoomModel.Explore(() =>
    {
        var source = CancellationTokenSourceCalls.New("Wait.cs", 1);
        var token = CancellationTokenSourceCalls.get_Token(source, "Wait.cs", 2);
        var inside = 0;
        var registration = CancellationTokenCalls.Register(ref token, () =>
        {
            Volatile.Write(ref inside, 1, file: "Wait.cs", line: 4);
            Volatile.Write(ref inside, 0, file: "Wait.cs", line: 5);
        }, "Wait.cs", 3);
        void CheckNotInside() => Rewritten.Expect(Volatile.Read(ref inside, file: "Wait.cs", line: 14) == 0, "the callback was still running when the registration call returned");
        async Task CheckAfter(ValueTask disposing)
        {
            await disposing;
            CheckNotInside();
        }
        Task? checkedAfterDisposeAsync = null;
        Rewritten.All(
            () => CancellationTokenSourceCalls.Cancel(source, "Wait.cs", 10),
            () =>
            {
                if (how == "DisposeAsync")
                {
                    checkedAfterDisposeAsync = CheckAfter(CancellationTokenRegistrationCalls.DisposeAsync(ref registration, "Wait.cs", 12));
                    return;
                }
                if (how == "Dispose")
                    CancellationTokenRegistrationCalls.Dispose(ref registration, "Wait.cs", 11);
                else
                    CancellationTokenRegistrationCalls.Unregister(ref registration, "Wait.cs", 13);
                CheckNotInside();
            });
        if (checkedAfterDisposeAsync is not null)
            TaskCalls.Wait(checkedAfterDisposeAsync, "Wait.cs", 15);
    });

    [Fact]
    public void Dispose_and_DisposeAsync_wait_for_a_callback_running_on_another_thread_where_Unregister_does_not()
    {
        var unregistered = WaitForCallbackModel("Unregister");
        Assert.Equal(FailureKind.Exception, unregistered.Failure?.Kind);

        foreach (var how in new[] { "Dispose", "DisposeAsync" })
        {
            var disposed = WaitForCallbackModel(how);
            Assert.True(disposed.Passed, $"{how}: {disposed.Failure?.Report}");
            Assert.True(disposed.Exhausted);
        }
    }

    [Theory]
    [MemberData(nameof(MadeInside))]
    public void A_registration_disposed_by_code_that_was_not_rewritten_never_runs_and_never_blocks_for_real(bool madeInside)
    {
        var result = LoomModel.Explore(() =>
        {
            var source = madeInside ? CancellationTokenSourceCalls.New("Using.cs", 1) : new CancellationTokenSource();
            var token = CancellationTokenSourceCalls.get_Token(source, "Using.cs", 2);
            var ran = 0;
            var disposedFirst = CancellationTokenCalls.Register(ref token, () => ran++, "Using.cs", 3);
            // The real Dispose, as a using statement calls it (through IDisposable, which is not rewritten).
            disposedFirst.Dispose();
            var running = CancellationTokenCalls.Register(ref token, () =>
            {
                Volatile.Write(ref ran, Volatile.Read(ref ran, file: "Using.cs", line: 5) + 10, file: "Using.cs", line: 5);
            }, "Using.cs", 4);
            Rewritten.All(
                () => CancellationTokenSourceCalls.Cancel(source, "Using.cs", 6),
                () => running.Dispose());
            Run.Expect(ran is 0 or 10, $"a disposed registration's callback ran (ran = {ran})");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
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
}
