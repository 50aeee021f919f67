using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="BlockingCollection{T}"/>, for its stand-ins (Loom.Interception.BlockingCollectionOfTCalls):
/// every operation is a scheduling point on the collection's <see cref="BlockingCollectionState{T}"/>; a take waits
/// (a controlled wait) while the collection is empty and adding is not complete, an add to a bounded collection while
/// it is full; a finite timeout passes on the execution's virtual clock, a zero one is a poll, and a token cancelled by
/// another thread ends the wait. Once the model lets a thread through, the real operation runs at once without
/// waiting, so the items are the real collection's. Dispose disposes the model only.
/// </summary>
internal static class BlockingCollectionModel
{
    private const string AddingCompleted = "The collection has been marked as complete with regards to additions.";

    /// <summary>Whether the collection is marked complete for adding: a scheduling point.</summary>
    public static bool IsAddingCompleted<T>(LogicalThread me, BlockingCollection<T> real, string? file, int line) =>
        MemoryAccess.Result(me, Read(me, real, "BlockingCollection.IsAddingCompleted", file, line).IsAddingCompleted);

    /// <summary>Whether the collection is empty and complete for adding: a scheduling point.</summary>
    public static bool IsCompleted<T>(LogicalThread me, BlockingCollection<T> real, string? file, int line) =>
        MemoryAccess.Result(me, Read(me, real, "BlockingCollection.IsCompleted", file, line).IsCompleted);

    /// <summary>A scheduling point that reads the collection, then the real collection to read from.</summary>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static BlockingCollection<T> Read<T>(LogicalThread me, BlockingCollection<T> real, string api, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, api, AccessKind.Read, file, line);
        ObjectDisposedException.ThrowIf(state.Disposed, real);
        return real;
    }

    /// <summary>
    /// Adds an item, waiting while a bounded collection is full, for at most <paramref name="millisecondsTimeout"/>
    /// of virtual time. Returns whether it was added.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Adding is complete.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryAdd<T>(LogicalThread me, BlockingCollection<T> real, T item, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        Timeouts.Validate(millisecondsTimeout, nameof(millisecondsTimeout));
        var state = State(me, real);
        Wait(me, state, BlockingCollectionState<T>.AddRequest, millisecondsTimeout, cancellationToken, api, file, line);
        ObjectDisposedException.ThrowIf(state.Disposed, real);
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        if (real.IsAddingCompleted)
        {
            Blocking.Record(me, "adding is complete");
            throw new InvalidOperationException(AddingCompleted);
        }
        if (!state.CanAdd)
            return Blocking.Outcome(me, false);
        if (!real.TryAdd(item, 0))
            throw new InvalidOperationException("The underlying collection refused the item.");
        me.Execution.RecordValue(me, item);
        return true;
    }

    /// <summary>
    /// Takes an item, waiting while the collection is empty and adding is not complete, for at most
    /// <paramref name="millisecondsTimeout"/> of virtual time. Returns whether it took one: not when the time ran out,
    /// nor when the collection is empty and complete for adding.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryTake<T>(LogicalThread me, BlockingCollection<T> real, out T item, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        Timeouts.Validate(millisecondsTimeout, nameof(millisecondsTimeout));
        var state = State(me, real);
        Wait(me, state, BlockingCollectionState<T>.TakeRequest, millisecondsTimeout, cancellationToken, api, file, line);
        ObjectDisposedException.ThrowIf(state.Disposed, real);
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        if (real.Count == 0)
        {
            item = default!;
            if (real.IsAddingCompleted)
                Blocking.Record(me, "empty and complete for adding");
            return Blocking.Outcome(me, false);
        }
        real.TryTake(out item!, 0);
        me.Execution.RecordValue(me, item);
        return true;
    }

    /// <summary>Takes every item until the collection is empty and complete for adding, waiting for each (GetConsumingEnumerable).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static IEnumerable<T> Consume<T>(BlockingCollection<T> real, CancellationToken cancellationToken, string? file, int line)
    {
        const string api = "BlockingCollection.GetConsumingEnumerable";
        while (true)
        {
            if (LoomRuntime.Controlled(api, file, line) is not { } me)
            {
                // Moved on outside an execution: the rest is the real enumeration.
                foreach (var rest in real.GetConsumingEnumerable(cancellationToken))
                    yield return rest;
                yield break;
            }
            if (IsCompleted(me, real, file, line))
                yield break;
            if (TryTake(me, real, out var item, Timeout.Infinite, cancellationToken, api, file, line))
                yield return item;
        }
    }

    /// <summary>Marks the collection complete for adding (the real one: its items are real), waking the takers of an empty one.</summary>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static void CompleteAdding<T>(LogicalThread me, BlockingCollection<T> real, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "BlockingCollection.CompleteAdding", AccessKind.Write, file, line, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting)
            return;
        ObjectDisposedException.ThrowIf(state.Disposed, real);
        real.CompleteAdding();
    }

    /// <summary>Disposes the collection in the model: later operations in this execution throw <see cref="ObjectDisposedException"/>.</summary>
    public static void Dispose<T>(LogicalThread me, BlockingCollection<T> real, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "BlockingCollection.Dispose", AccessKind.Write, file, line, OperationFlags.RunsDuringAbort);
        if (!me.Execution.Aborting)
            state.Disposed = true;
    }

    /// <summary>The collection's model in the calling thread's execution, made on first use (disposed if the real one is).</summary>
    private static BlockingCollectionState<T> State<T>(LogicalThread me, BlockingCollection<T> real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var collection = (BlockingCollection<T>)key;
            return new BlockingCollectionState<T>(execution, collection, IsDisposed(collection));
        });

    /// <summary>
    /// The scheduling point of an add or a take: a poll for a zero timeout, else a wait until the request can be
    /// granted, the token is cancelled or the deadline passes. The caller then reads the outcome from the state.
    /// </summary>
    private static void Wait<T>(LogicalThread me, BlockingCollectionState<T> state, long request, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        if (millisecondsTimeout == 0 || CancellationModel.IsRequested(me, cancellationToken))
        {
            Blocking.Step(me, state, api, AccessKind.Write, file, line);
            return;
        }
        state.BeginWait(me, request, CancellationModel.Observe(me, cancellationToken));
        if (millisecondsTimeout != Timeout.Infinite)
            state.SetDeadline(me, millisecondsTimeout);
        try
        {
            me.Execution.Schedule(me, new Operation(api, AccessKind.Write, state, file, line));
        }
        finally
        {
            state.EndWait(me);
            state.ClearDeadline(me);
        }
    }

    private static bool IsDisposed<T>(BlockingCollection<T> collection)
    {
        try
        {
            _ = collection.Count;
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }
}
