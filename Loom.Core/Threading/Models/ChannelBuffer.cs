using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The items and waiters of a channel made inside an execution (<see cref="ModelChannel{T}"/>), with the semantics of
/// System.Threading.Channels' bounded, unbounded and prioritized channels. Inside an execution every operation is a
/// scheduling point on the channel's model first; a read of an empty channel or a write to a full one returns a task
/// that the operation which satisfies it completes, on that operation's logical thread, so the code awaiting it
/// resumes under Loom's control. Outside an execution (a channel kept after its execution) a lock guards the state;
/// tasks and the item-dropped callback are completed and called outside it, as .NET does.
/// </summary>
internal sealed class ChannelBuffer<T>
{
    /// <summary>What <see cref="_doneWriting"/> holds once writing completed without an error.</summary>
    private static readonly Exception s_doneWithoutError = new ChannelClosedException();

    private readonly object _gate = new();
    private readonly List<T> _items = new();
    private readonly int? _capacity;
    private readonly BoundedChannelFullMode _fullMode;
    private readonly Action<T>? _itemDropped;
    private readonly IComparer<T>? _priority;
    private readonly bool _synchronousContinuations;
    private readonly TaskCompletionSource _completion;

    /// <summary>Reads waiting for an item (ReadAsync), oldest first.</summary>
    private readonly List<ChannelWaiter<T, T>> _blockedReaders = new();

    /// <summary>WaitToReadAsync calls waiting for an item or the end.</summary>
    private readonly List<ChannelWaiter<T, bool>> _waitingReaders = new();

    /// <summary>Writes waiting for room in a full bounded channel (FullMode Wait), oldest first, with their items.</summary>
    private readonly List<ChannelWaiter<T, bool>> _blockedWriters = new();

    /// <summary>WaitToWriteAsync calls waiting for room or the end.</summary>
    private readonly List<ChannelWaiter<T, bool>> _waitingWriters = new();

    /// <summary><see langword="null"/> while writing is open; the completion's error, or <see cref="s_doneWithoutError"/>.</summary>
    private Exception? _doneWriting;

    public ChannelBuffer(int? capacity, BoundedChannelFullMode fullMode, Action<T>? itemDropped, IComparer<T>? priority, bool synchronousContinuations, bool canCount)
    {
        _capacity = capacity;
        _fullMode = fullMode;
        _itemDropped = itemDropped;
        _priority = priority;
        _synchronousContinuations = synchronousContinuations;
        CanCount = canCount;
        _completion = new TaskCompletionSource(Options(LoomRuntime.Controlled("Channel.Create", null, 0)));
    }

    /// <summary>Whether the reader counts its items (all channels but an unbounded one with a single reader, as in .NET).</summary>
    public bool CanCount { get; }

    /// <summary>Completes when writing is complete and every item was read.</summary>
    public Task Completion(string? file, int line)
    {
        Step("ChannelReader.Completion", AccessKind.Read, file, line);
        return _completion.Task;
    }

    /// <summary>How many items the channel holds.</summary>
    /// <exception cref="NotSupportedException">The channel does not count (<see cref="CanCount"/>).</exception>
    public int Count(string? file, int line)
    {
        if (!CanCount)
            throw new NotSupportedException("Specified method is not supported.");
        Step("ChannelReader.Count", AccessKind.Read, file, line);
        lock (_gate)
            return _items.Count;
    }

    public bool TryPeek(out T item, string? file, int line)
    {
        Step("ChannelReader.TryPeek", AccessKind.Read, file, line);
        lock (_gate)
        {
            if (_items.Count > 0)
            {
                item = _items[Next()];
                return true;
            }
            // A rendezvous channel (capacity 0) holds no item: what a read would take is a blocked write's.
            var found = _blockedWriters.Count > 0;
            item = found ? _blockedWriters[0].Item : default!;
            return found;
        }
    }

    public bool TryRead(out T item, string? file, int line)
    {
        Step("ChannelReader.TryRead", AccessKind.Write, file, line);
        var after = new List<Action>();
        bool read;
        lock (_gate)
            read = TakeItem(out item, after);
        Run(after);
        return read;
    }

    public ValueTask<T> ReadAsync(CancellationToken cancellationToken, string? file, int line)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<T>(cancellationToken);
        var me = Step("ChannelReader.ReadAsync", AccessKind.Write, file, line);
        var after = new List<Action>();
        ChannelWaiter<T, T>? waiter = null;
        T item;
        lock (_gate)
        {
            if (!TakeItem(out item, after))
            {
                if (_doneWriting is not null)
                    return new ValueTask<T>(Task.FromException<T>(ClosedException(_doneWriting)));
                waiter = new ChannelWaiter<T, T>(Options(me));
                _blockedReaders.Add(waiter);
                // A rendezvous channel has room for a write exactly while a read waits.
                WakeAll(_waitingWriters, after);
            }
        }
        Run(after);
        return waiter is null ? new ValueTask<T>(item) : Wait(waiter, _blockedReaders, cancellationToken);
    }

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken, string? file, int line)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<bool>(cancellationToken);
        var me = Step("ChannelReader.WaitToReadAsync", AccessKind.Write, file, line);
        ChannelWaiter<T, bool> waiter;
        lock (_gate)
        {
            if (_items.Count > 0 || _blockedWriters.Count > 0)
                return new ValueTask<bool>(true);
            if (_doneWriting is not null)
                return Ended(_doneWriting);
            waiter = new ChannelWaiter<T, bool>(Options(me));
            _waitingReaders.Add(waiter);
        }
        return Wait(waiter, _waitingReaders, cancellationToken);
    }

    public bool TryWrite(T item, string? file, int line)
    {
        Step("ChannelWriter.TryWrite", AccessKind.Write, file, line);
        var after = new List<Action>();
        bool written;
        lock (_gate)
            written = _doneWriting is null && PutItem(item, after);
        Run(after);
        return written;
    }

    public ValueTask WriteAsync(T item, CancellationToken cancellationToken, string? file, int line)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled(cancellationToken);
        var me = Step("ChannelWriter.WriteAsync", AccessKind.Write, file, line);
        var after = new List<Action>();
        ChannelWaiter<T, bool>? waiter = null;
        lock (_gate)
        {
            if (_doneWriting is not null)
                return new ValueTask(Task.FromException(ClosedException(_doneWriting)));
            if (!PutItem(item, after))
            {
                waiter = new ChannelWaiter<T, bool>(Options(me)) { Item = item };
                _blockedWriters.Add(waiter);
                // A rendezvous channel's blocked write is what a read takes.
                WakeAll(_waitingReaders, after);
            }
        }
        Run(after);
        return waiter is null ? default : new ValueTask(Wait(waiter, _blockedWriters, cancellationToken).AsTask());
    }

    public ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken, string? file, int line)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<bool>(cancellationToken);
        var me = Step("ChannelWriter.WaitToWriteAsync", AccessKind.Write, file, line);
        ChannelWaiter<T, bool> waiter;
        lock (_gate)
        {
            if (_doneWriting is not null)
                return Ended(_doneWriting);
            if (HasRoom || _blockedReaders.Count > 0 || _fullMode != BoundedChannelFullMode.Wait)
                return new ValueTask<bool>(true);
            waiter = new ChannelWaiter<T, bool>(Options(me));
            _waitingWriters.Add(waiter);
        }
        return Wait(waiter, _waitingWriters, cancellationToken);
    }

    /// <summary>Ends writing: fails the waiting reads and writes, ends the waits, and completes Completion if the channel is empty.</summary>
    public bool TryComplete(Exception? error, string? file, int line)
    {
        Step("ChannelWriter.TryComplete", AccessKind.Write, file, line);
        var after = new List<Action>();
        lock (_gate)
        {
            if (_doneWriting is not null)
                return false;
            _doneWriting = error ?? s_doneWithoutError;
            if (_items.Count == 0)
                after.Add(CompleteCompletion);
            var closed = ClosedException(_doneWriting);
            foreach (var reader in _blockedReaders)
                after.Add(() => reader.Fail(closed));
            foreach (var writer in _blockedWriters)
                after.Add(() => writer.Fail(closed));
            foreach (var waiter in _waitingReaders.Concat(_waitingWriters))
                after.Add(error is null ? () => waiter.Complete(false) : () => waiter.Fail(error));
            _blockedReaders.Clear();
            _blockedWriters.Clear();
            _waitingReaders.Clear();
            _waitingWriters.Clear();
        }
        Run(after);
        return true;
    }

    private bool HasRoom => _capacity is not { } capacity || _items.Count < capacity;

    /// <summary>The scheduling point of an operation inside an execution; returns the calling thread, or <see langword="null"/> outside one.</summary>
    private LogicalThread? Step(string api, AccessKind access, string? file, int line)
    {
        if (LoomRuntime.Controlled(api, file, line) is not { } me)
            return null;
        var state = me.Execution.ModelOf(this, static (execution, _) => new CollectionState(execution, "Channel"));
        Blocking.Step(me, state, api, access, file, line);
        return me;
    }

    /// <summary>Inside an execution a task's continuations run where it completes (a logical thread); outside, as the channel's options say.</summary>
    private TaskCreationOptions Options(LogicalThread? me) =>
        me is not null || _synchronousContinuations ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously;

    /// <summary>The index of the item a read takes: the first, or the smallest for a prioritized channel.</summary>
    private int Next()
    {
        if (_priority is null)
            return 0;
        var best = 0;
        for (var i = 1; i < _items.Count; i++)
        {
            if (_priority.Compare(_items[i], _items[best]) < 0)
                best = i;
        }
        return best;
    }

    /// <summary>
    /// Under the lock: takes an item if there is one, or a blocked write's in a rendezvous channel (capacity 0). A
    /// blocked write's item takes the place of the one read, or the waiting writers learn there is room.
    /// </summary>
    private bool TakeItem(out T item, List<Action> after)
    {
        if (_items.Count == 0)
        {
            if (_blockedWriters.Count == 0)
            {
                item = default!;
                return false;
            }
            var handing = _blockedWriters[0];
            _blockedWriters.RemoveAt(0);
            item = handing.Item;
            after.Add(() => handing.Complete(true));
            return true;
        }
        var index = Next();
        item = _items[index];
        _items.RemoveAt(index);
        if (_doneWriting is not null)
        {
            if (_items.Count == 0)
                after.Add(CompleteCompletion);
        }
        else if (_blockedWriters.Count > 0)
        {
            var writer = _blockedWriters[0];
            _blockedWriters.RemoveAt(0);
            _items.Add(writer.Item);
            after.Add(() => writer.Complete(true));
        }
        else
        {
            WakeAll(_waitingWriters, after);
        }
        return true;
    }

    /// <summary>
    /// Under the lock, writing open: hands the item to a blocked read, or stores it (dropping one if the channel is
    /// full and its mode drops). Returns false only for a full channel whose mode is Wait.
    /// </summary>
    private bool PutItem(T item, List<Action> after)
    {
        if (_blockedReaders.Count > 0)
        {
            var reader = _blockedReaders[0];
            _blockedReaders.RemoveAt(0);
            after.Add(() => reader.Complete(item));
            return true;
        }
        if (!HasRoom)
        {
            if (_fullMode == BoundedChannelFullMode.Wait)
                return false;
            // A rendezvous channel (capacity 0) with no read waiting drops the written item, whichever the mode.
            if (_fullMode == BoundedChannelFullMode.DropWrite || _items.Count == 0)
            {
                Dropped(item, after);
                return true;
            }
            var at = _fullMode == BoundedChannelFullMode.DropOldest ? 0 : _items.Count - 1;
            Dropped(_items[at], after);
            _items.RemoveAt(at);
        }
        _items.Add(item);
        WakeAll(_waitingReaders, after);
        return true;
    }

    private void Dropped(T item, List<Action> after)
    {
        if (_itemDropped is { } dropped)
            after.Add(() => dropped(item));
    }

    private static void WakeAll(List<ChannelWaiter<T, bool>> waiters, List<Action> after)
    {
        foreach (var waiter in waiters)
            after.Add(() => waiter.Complete(true));
        waiters.Clear();
    }

    /// <summary>The waiting task, cancelled if <paramref name="cancellationToken"/> is before something completes it.</summary>
    private ValueTask<TResult> Wait<TResult>(ChannelWaiter<T, TResult> waiter, List<ChannelWaiter<T, TResult>> waiters, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() =>
            {
                bool removed;
                lock (_gate)
                    removed = waiters.Remove(waiter);
                if (removed)
                    waiter.Source.TrySetCanceled(cancellationToken);
            });
        }
        return new ValueTask<TResult>(waiter.Source.Task);
    }

    private void CompleteCompletion()
    {
        switch (_doneWriting)
        {
            case OperationCanceledException canceled:
                _completion.TrySetCanceled(canceled.CancellationToken);
                break;
            case { } error when error != s_doneWithoutError:
                _completion.TrySetException(error);
                break;
            default:
                _completion.TrySetResult();
                break;
        }
    }

    private static void Run(List<Action> after)
    {
        foreach (var action in after)
            action();
    }

    /// <summary>What WaitToReadAsync and WaitToWriteAsync return once writing is complete: false, or the completion's error.</summary>
    private static ValueTask<bool> Ended(Exception doneWriting) =>
        doneWriting == s_doneWithoutError ? new ValueTask<bool>(false) : new ValueTask<bool>(Task.FromException<bool>(doneWriting));

    /// <summary>.NET's exception for a read or write after completion: the cancellation itself, or ChannelClosedException around the error.</summary>
    private static Exception ClosedException(Exception doneWriting) => doneWriting switch
    {
        OperationCanceledException canceled => canceled,
        _ when doneWriting != s_doneWithoutError => new ChannelClosedException(doneWriting),
        _ => new ChannelClosedException(),
    };
}
