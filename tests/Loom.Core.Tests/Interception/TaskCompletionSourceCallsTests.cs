using Loom.Interception;
using Loom.Tests.Threading;
using Loom.Threading;
using Xunit;
using CancellationToken = System.Threading.CancellationToken;
using CancellationTokenRegistration = System.Threading.CancellationTokenRegistration;
using CancellationTokenSource = System.Threading.CancellationTokenSource;

namespace Loom.Tests.Interception;

/// <summary>
/// The stand-ins of <see cref="TaskCompletionSource"/> and <see cref="TaskCompletionSource{TResult}"/>: completing is
/// a scheduling point on the source, and the task's continuations run inline on the completing thread or, with
/// <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>, as steps of their own.
/// </summary>
public class TaskCompletionSourceCallsTests
{
    /// <summary>
    /// Two threads both complete one source; with SetResult the second throws, even when each first checks that the
    /// task is not complete (the check and the completion are two steps).
    /// </summary>
    private static ExplorationResult CompleteTwiceModel(bool trySet, bool checkFirst) => LoomModel.Explore(() =>
    {
        var source = new TaskCompletionSource<int>();
        var won = 0;
        Action complete = () =>
        {
            if (trySet)
            {
                if (TaskCompletionSourceOfTResultCalls.TrySetResult(source, 1, "Reply.cs", 11))
                    Interlocked.Increment(ref won);
            }
            else if (!checkFirst || !TaskCalls.get_IsCompleted(source.Task, "Reply.cs", 9))
            {
                TaskCompletionSourceOfTResultCalls.SetResult(source, 1, "Reply.cs", 10);
            }
        };
        Rewritten.All(complete, complete);
        Rewritten.Expect(!trySet || won == 1, $"{won} threads completed the source");
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_source_completed_twice_with_SetResult_is_found_and_TrySetResult_fixes_it(bool checkFirst)
    {
        var buggy = CompleteTwiceModel(trySet: false, checkFirst);
        var failure = Assert.IsType<LoomFailure>(buggy.Failure);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Contains(failure.Trace, step => step.Operation == "TaskCompletionSource.SetResult" && step.Value is "completed already");
        if (checkFirst)
            Assert.Equal(2, failure.Trace.Count(step => step.Operation == "Task.IsCompleted" && step.Value is "not completed"));

        var fixedModel = CompleteTwiceModel(trySet: true, checkFirst);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
        Assert.True(fixedModel.Executions > 1);
    }

    private sealed class Ledger
    {
        public readonly object Gate = new();
        public int Balance;
    }

    /// <summary>
    /// A thread completes a source in the middle of an update it makes under a lock; the code awaiting the source
    /// takes the same lock to read the balance. Without RunContinuationsAsynchronously that code runs inline inside
    /// SetResult, on the thread that holds the lock (which it may re-enter), and reads the update half done.
    /// </summary>
    private static ExplorationResult InlineModel(TaskCreationOptions options) => LoomModel.Explore(() =>
    {
        var ledger = new Ledger();
        var deposited = new TaskCompletionSource(options);
        var seen = -1;
        async Task Audit()
        {
            await deposited.Task;
            Monitor.Enter(ledger.Gate, "Ledger.cs", 5);
            seen = ledger.Balance;
            Monitor.Exit(ledger.Gate, "Ledger.cs", 7);
        }
        var audit = Audit();
        Rewritten.All(() =>
        {
            Monitor.Enter(ledger.Gate, "Ledger.cs", 10);
            ledger.Balance = 50;
            TaskCompletionSourceCalls.SetResult(deposited, "Ledger.cs", 12);
            ledger.Balance = 100;
            Monitor.Exit(ledger.Gate, "Ledger.cs", 14);
        });
        TaskCalls.Wait(audit, "Ledger.cs", 15);
        Rewritten.Expect(seen == 100, $"the audit saw a balance of {seen}");
    });

    [Fact]
    public void Continuations_run_inline_inside_SetResult_and_RunContinuationsAsynchronously_runs_them_as_steps_of_their_own()
    {
        var inline = InlineModel(TaskCreationOptions.None);
        var failure = Assert.IsType<LoomFailure>(inline.Failure);
        Assert.Contains("a balance of 50", failure.Message);

        var asynchronous = InlineModel(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(asynchronous.Passed, asynchronous.Failure?.Report);
        Assert.True(asynchronous.Exhausted);
    }

    [Fact]
    public void WhenAll_of_a_source_made_with_RunContinuationsAsynchronously_completes_under_Loom()
    {
        var result = LoomModel.Explore(async () =>
        {
            var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var both = Task.WhenAll(first.Task, second.Task);
            var any = Task.WhenAny(first.Task, second.Task);
            Rewritten.All(
                () => TaskCompletionSourceOfTResultCalls.SetResult(first, 1, "All.cs", 1),
                () => TaskCompletionSourceCalls.SetException(second, new InvalidOperationException("no"), "All.cs", 2));
            await any;
            await Assert.ThrowsAsync<InvalidOperationException>(() => both);
            Run.Expect(first.Task.CreationOptions.HasFlag(TaskCreationOptions.RunContinuationsAsynchronously), "the source lost its option");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Every_completion_gives_the_real_task_its_outcome_and_a_second_one_fails_as_in_dotnet()
    {
        var result = LoomModel.Explore(() =>
        {
            var canceled = new TaskCompletionSource<string>();
            var token = new CancellationTokenSource();
            token.Cancel();
            TaskCompletionSourceOfTResultCalls.SetCanceled(canceled, token.Token, "All.cs", 1);
            Run.Expect(canceled.Task.IsCanceled, "not canceled");
            Run.Expect(!TaskCompletionSourceOfTResultCalls.TrySetResult(canceled, "late", "All.cs", 2), "completed twice");
            Run.Expect(Record.Exception(() => TaskCompletionSourceOfTResultCalls.SetException(canceled, new InvalidOperationException(), "All.cs", 3)) is InvalidOperationException, "no exception");

            var faulted = new TaskCompletionSource();
            Run.Expect(TaskCompletionSourceCalls.TrySetException(faulted, [new ArgumentException("a"), new ArgumentException("b")], "All.cs", 4), "not faulted");
            Run.Expect(faulted.Task.Exception!.InnerExceptions.Count == 2, "lost an exception");
            Run.Expect(!TaskCompletionSourceCalls.TrySetCanceled(faulted, "All.cs", 5), "canceled after faulting");

            var copied = new TaskCompletionSource<int>();
            TaskCompletionSourceOfTResultCalls.SetFromTask(copied, Task.FromResult(7), "All.cs", 6);
            Run.Expect(copied.Task.Result == 7, "not copied");
            Run.Expect(Record.Exception(() => TaskCompletionSourceOfTResultCalls.TrySetFromTask(new TaskCompletionSource<int>(), new TaskCompletionSource<int>().Task, "All.cs", 7)) is ArgumentException, "copied an incomplete task");
            var plain = new TaskCompletionSource();
            TaskCompletionSourceCalls.SetFromTask(plain, Task.CompletedTask, "All.cs", 8);
            Run.Expect(!TaskCompletionSourceCalls.TrySetFromTask(plain, Task.CompletedTask, "All.cs", 9), "copied twice");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    private sealed class Waiter(TaskCompletionSource completion, CancellationToken token)
    {
        public TaskCompletionSource Completion { get; } = completion;

        public CancellationToken Token { get; } = token;

        public CancellationTokenRegistration Registration;
    }

    /// <summary>
    /// An async auto-reset event whose waits take a cancellation token. The lossy version leaves a cancelled waiter
    /// in the queue, so a Set that dequeues it finds its task completed already and the signal is lost; the correct
    /// version takes it out under the lock before cancelling it. Both dispose a served waiter's registration outside
    /// the lock (the callback takes the lock too), which waits for a callback running on another thread.
    /// </summary>
    private sealed class AsyncAutoResetEvent(bool lossy)
    {
        private readonly object _gate = new();
        private readonly List<Waiter> _waiters = new();
        private bool _signaled;

        public bool IsSignaled
        {
            get
            {
                Monitor.Enter(_gate, "Event.cs", 1);
                var signaled = _signaled;
                Monitor.Exit(_gate, "Event.cs", 1);
                return signaled;
            }
        }

        public Task WaitAsync(CancellationToken token)
        {
            Waiter waiter;
            Monitor.Enter(_gate, "Event.cs", 10);
            try
            {
                if (_signaled)
                {
                    _signaled = false;
                    return Task.CompletedTask;
                }
                waiter = new Waiter(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), token);
                _waiters.Add(waiter);
                // Cancelled already, the callback runs here, and re-enters the lock.
                waiter.Registration = CancellationTokenCalls.Register(ref token, () => Cancel(waiter), "Event.cs", 18);
            }
            finally
            {
                Monitor.Exit(_gate, "Event.cs", 20);
            }
            return waiter.Completion.Task;
        }

        public void Set()
        {
            Waiter? next = null;
            var registration = default(CancellationTokenRegistration);
            Monitor.Enter(_gate, "Event.cs", 30);
            if (_waiters.Count > 0)
            {
                next = _waiters[0];
                registration = next.Registration;
                _waiters.RemoveAt(0);
            }
            else
            {
                _signaled = true;
            }
            Monitor.Exit(_gate, "Event.cs", 39);
            if (next is null)
                return;
            TaskCompletionSourceCalls.TrySetResult(next.Completion, "Event.cs", 42);
            CancellationTokenRegistrationCalls.Dispose(ref registration, "Event.cs", 43);
        }

        private void Cancel(Waiter waiter)
        {
            if (!lossy)
            {
                Monitor.Enter(_gate, "Event.cs", 50);
                var queued = _waiters.Remove(waiter);
                Monitor.Exit(_gate, "Event.cs", 52);
                if (!queued)
                    return;
            }
            TaskCompletionSourceCalls.TrySetCanceled(waiter.Completion, waiter.Token, "Event.cs", 55);
        }
    }

    private static ExplorationResult AutoResetEventModel(bool lossy) => LoomModel.Explore(() =>
    {
        var signal = new AsyncAutoResetEvent(lossy);
        var source = CancellationTokenSourceCalls.New("Event.cs", 60);
        var token = CancellationTokenSourceCalls.get_Token(source, "Event.cs", 61);
        Task? waited = null;
        Rewritten.All(
            () => waited = signal.WaitAsync(token),
            () => signal.Set(),
            () => CancellationTokenSourceCalls.Cancel(source, "Event.cs", 62));
        TaskCalls.WaitAny([waited!], "Event.cs", 63);
        if (waited!.IsCanceled)
            Rewritten.Expect(signal.IsSignaled, "the waiter was cancelled and the event is not set: a Set was lost");
        else
            Rewritten.Expect(!signal.IsSignaled, "the waiter was released and the event is still set: a Set counted twice");
    });

    [Fact]
    public void An_async_auto_reset_event_that_loses_a_signal_on_cancellation_is_found_and_the_correct_one_passes()
    {
        var lossy = AutoResetEventModel(lossy: true);
        var failure = Assert.IsType<LoomFailure>(lossy.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Contains("a Set was lost", failure.Message);

        var correct = AutoResetEventModel(lossy: false);
        Assert.True(correct.Passed, correct.Failure?.Report);
        Assert.True(correct.Exhausted);
        Assert.True(correct.Executions > 1);
    }

    [Fact]
    public async Task Outside_an_execution_the_stand_ins_are_the_real_members()
    {
        var source = new TaskCompletionSource<int>();
        TaskCompletionSourceOfTResultCalls.SetResult(source, 3, "Real.cs", 1);
        Assert.Equal(3, await source.Task);
        Assert.False(TaskCompletionSourceOfTResultCalls.TrySetResult(source, 4, "Real.cs", 2));
        Assert.Throws<InvalidOperationException>(() => TaskCompletionSourceOfTResultCalls.SetCanceled(source, "Real.cs", 3));

        var plain = new TaskCompletionSource();
        Assert.True(TaskCompletionSourceCalls.TrySetCanceled(plain, CancellationToken.None, "Real.cs", 4));
        Assert.True(plain.Task.IsCanceled);
        Assert.Throws<InvalidOperationException>(() => TaskCompletionSourceCalls.SetException(plain, new ArgumentException(), "Real.cs", 5));
        Assert.Throws<ArgumentNullException>(() => TaskCompletionSourceCalls.SetFromTask(new TaskCompletionSource(), null!, "Real.cs", 6));
        Assert.True(TaskCalls.get_IsCompleted(plain.Task, "Real.cs", 7));
        Assert.True(TaskCalls.get_IsCanceled(plain.Task, "Real.cs", 8));
        Assert.False(TaskCalls.get_IsFaulted(plain.Task, "Real.cs", 9));
        Assert.True(TaskCalls.get_IsCompletedSuccessfully(source.Task, "Real.cs", 10));
        Assert.Equal(TaskStatus.WaitingForActivation, TaskCalls.get_Status(new TaskCompletionSource().Task, "Real.cs", 11));
    }
}
