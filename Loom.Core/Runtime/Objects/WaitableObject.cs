using System.Collections.Generic;

namespace Loom.Runtime.Objects;

/// <summary>
/// A synchronization object a thread can block on (a semaphore, an event, a barrier, a reader-writer lock). A
/// thread that begins a blocking wait registers what it waits for (a request the subclass interprets: a lock mode,
/// a barrier phase) and its cancellation token; its pending operation is then enabled only once the subclass can
/// grant the request or the token is cancelled (in the model of its source: see <see cref="CancellationSourceState"/>).
/// Every other operation on the object is always enabled.
/// </summary>
internal abstract class WaitableObject : ModelObject
{
    /// <summary>
    /// The threads in a blocking wait on this object, from just before their scheduling point until it returns,
    /// with what each waits for. A thread is here at most once: it has one pending operation.
    /// </summary>
    private readonly Dictionary<LogicalThread, Waiter> _waiters = new();

    protected WaitableObject(Execution execution, string kind)
        : base(execution, kind)
    {
    }

    /// <summary>Whether a blocked waiter exists: a thread registered whose request cannot be granted now.</summary>
    public bool HasBlockedWaiters
    {
        get
        {
            foreach (var (thread, waiter) in _waiters)
            {
                if (!CanGrant(thread, waiter.Request))
                    return true;
            }
            return false;
        }
    }

    /// <summary>Whether <paramref name="thread"/>, waiting for <paramref name="request"/>, could be granted it now.</summary>
    protected abstract bool CanGrant(LogicalThread thread, long request);

    /// <summary>What a thread blocked waiting for <paramref name="request"/> needs, for deadlock reports.</summary>
    protected abstract string DescribeWait(LogicalThread thread, long request);

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) =>
        !_waiters.TryGetValue(thread, out var waiter) || CanGrant(thread, waiter.Request) || waiter.Cancellation is { IsRequested: true };

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op) =>
        _waiters.TryGetValue(thread, out var waiter) ? DescribeWait(thread, waiter.Request) : base.DescribeBlocked(thread, op);

    /// <summary>
    /// Registers <paramref name="thread"/> as waiting for <paramref name="request"/> until then or until
    /// <paramref name="cancellation"/> (the model of its token's source, if any) is cancelled; call just before its
    /// scheduling point.
    /// </summary>
    public void BeginWait(LogicalThread thread, long request, CancellationSourceState? cancellation) => _waiters[thread] = new Waiter(request, cancellation);

    /// <summary>
    /// Ends the wait of a thread its scheduling point let through. Returns whether its request can be granted
    /// (the caller then applies it); <see langword="false"/> means only its token's cancellation let it through.
    /// A request that can be granted wins over a cancellation that came at the same time, as in the BCL.
    /// </summary>
    public bool EndWait(LogicalThread thread)
    {
        _waiters.Remove(thread, out var waiter);
        return CanGrant(thread, waiter.Request);
    }

    /// <summary>How many registered threads wait for a request <paramref name="matches"/> accepts and cannot be granted it now.</summary>
    protected int CountBlocked(System.Func<long, bool> matches)
    {
        var count = 0;
        foreach (var (thread, waiter) in _waiters)
        {
            if (matches(waiter.Request) && !CanGrant(thread, waiter.Request))
                count++;
        }
        return count;
    }

    /// <summary>What one waiting thread waits for, and the source whose cancellation ends its wait.</summary>
    private readonly record struct Waiter(long Request, CancellationSourceState? Cancellation);
}
