using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a SemaphoreSlim: its count and maximum. A thread in an untimed Wait blocks while the count is
/// zero.
/// </summary>
internal sealed class SemaphoreState : WaitableObject
{
    public SemaphoreState(Execution execution, int initialCount, int maxCount)
        : base(execution, "SemaphoreSlim")
    {
        Count = initialCount;
        MaxCount = maxCount;
    }

    /// <summary>How many more threads may enter: decremented by a successful Wait, incremented by Release.</summary>
    public int Count { get; set; }

    /// <summary>The most the count may reach; <see cref="int.MaxValue"/> when the constructor set no maximum.</summary>
    public int MaxCount { get; }

    /// <summary>Which thread last entered, and where, for deadlock reports; empty until a thread enters.</summary>
    public string LastEntered { get; set; } = "";

    /// <summary>Whether Dispose ran in this execution.</summary>
    public bool Disposed { get; set; }

    /// <summary>Asynchronous waiters (WaitAsync) that found the count zero, in the order they began waiting.</summary>
    private readonly List<AsyncWaiter> _asyncWaiters = new();

    /// <summary>
    /// Queues an asynchronous waiter; its task completes with true when a release hands it a unit.
    /// <paramref name="caller"/> called WaitAsync at <paramref name="location"/>, which a deadlock report names.
    /// </summary>
    public AsyncWaiter EnqueueAsync(LogicalThread caller, string location)
    {
        var waiter = new AsyncWaiter(new TaskCompletionSource<bool>(), caller.Label, location);
        _asyncWaiters.Add(waiter);
        return waiter;
    }

    /// <summary>Ends an asynchronous wait without a unit (timed out or canceled); false if it was already granted.</summary>
    public bool AbandonAsync(AsyncWaiter waiter)
    {
        if (!_asyncWaiters.Remove(waiter))
            return false;
        waiter.Dispose();
        return true;
    }

    /// <summary>
    /// After a release: units beyond what blocked synchronous waiters will take go to asynchronous waiters, oldest
    /// first, as SemaphoreSlim serves its waiting threads before its queued tasks.
    /// </summary>
    public void GrantAsyncWaiters()
    {
        while (_asyncWaiters.Count > 0 && Count > CountBlocked(static _ => true))
        {
            var waiter = _asyncWaiters[0];
            _asyncWaiters.RemoveAt(0);
            Count--;
            waiter.Dispose();
            waiter.Completion.TrySetResult(true);
        }
    }

    /// <summary>One WaitAsync that is waiting: its task, who called it and where, and the timer and cancellation that may end it early.</summary>
    internal sealed class AsyncWaiter(TaskCompletionSource<bool> completion, string caller, string location)
    {
        public TaskCompletionSource<bool> Completion { get; } = completion;

        /// <summary>The thread that called WaitAsync, as reports name it.</summary>
        public string Caller { get; } = caller;

        /// <summary>Where WaitAsync was called (<c>File.cs:42</c>), or empty if unknown.</summary>
        public string Location { get; } = location;

        public ITimer? Timeout { get; set; }

        public CancellationRegistration? Cancellation { get; set; }

        public void Dispose()
        {
            Timeout?.Dispose();
            Cancellation?.TryUnregister();
        }
    }

    /// <inheritdoc />
    public override IEnumerable<(string Location, string Text)> DescribeAsyncWaits()
    {
        foreach (var waiter in _asyncWaiters)
        {
            var where = waiter.Location.Length == 0 ? "" : $" at {waiter.Location}";
            yield return (waiter.Location, $"a task awaits SemaphoreSlim.WaitAsync{where} (called by {waiter.Caller}): {WhyNoUnit()}");
        }
    }

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => Count > 0;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) => WhyNoUnit();

    /// <summary>What a waiter of either kind waits for: a unit of this semaphore, whose count is zero.</summary>
    private string WhyNoUnit() =>
        $"waiting for {this}, whose count is 0{(MaxCount == int.MaxValue ? "" : $" (max {MaxCount})")}: " +
        (LastEntered.Length == 0 ? "no thread released it" : $"no thread released it since {LastEntered}");
}
