using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using Timeout = System.Threading.Timeout;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="BlockingCollection{T}"/>, on the real collections: inside a Loom execution every operation
/// is a scheduling point on the collection's model (<see cref="BlockingCollectionModel"/>); a take waits under Loom's
/// control while the collection is empty and adding is not complete, an add to a bounded collection while it is full,
/// a timeout passes in virtual time and a token cancelled by another thread ends the wait. The items are the real
/// collection's. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", "makes an empty collection, or one over a collection no other thread can see yet")]
[PassesThrough("get_BoundedCapacity", PassThroughReasons.FixedAtConstruction)]
[NotInterceptedYet("AddToAny", AnyOf)]
[NotInterceptedYet("TryAddToAny", AnyOf)]
[NotInterceptedYet("TakeFromAny", AnyOf)]
[NotInterceptedYet("TryTakeFromAny", AnyOf)]
[Intercepts(typeof(BlockingCollection<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BlockingCollectionOfTCalls
{
    private const string AddApi = "BlockingCollection.Add";
    private const string TryAddApi = "BlockingCollection.TryAdd";
    private const string TakeApi = "BlockingCollection.Take";
    private const string TryTakeApi = "BlockingCollection.TryTake";
    private const string AnyOf = "waits on the real collections' own semaphores: inside an execution a wait that cannot end at once blocks its OS thread for real (reported as a stall), and its races are not explored";

    /// <summary>Stands in for <see cref="BlockingCollection{T}.Add(T)"/>: adds, waiting while a bounded collection is full.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="InvalidOperationException">The collection is marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static void Add<T>(BlockingCollection<T> collection, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(AddApi, file, line) is { } me)
            BlockingCollectionModel.TryAdd(me, StandIn.NotNull(collection), item, Timeout.Infinite, CancellationToken.None, AddApi, file, line);
        else
            collection.Add(item);
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.Add(T, CancellationToken)"/>: adds, waiting while a bounded collection is full.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">The token to observe; cancelling it ends the wait.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The collection is marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static void Add<T>(BlockingCollection<T> collection, T item, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(AddApi, file, line) is { } me)
            BlockingCollectionModel.TryAdd(me, StandIn.NotNull(collection), item, Timeout.Infinite, cancellationToken, AddApi, file, line);
        else
            collection.Add(item, cancellationToken);
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryAdd(T)"/>: adds if there is room, or room is made within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the item was added.</returns>
    /// <exception cref="InvalidOperationException">The collection is marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryAddApi, file, line) is { } me
            ? BlockingCollectionModel.TryAdd(me, StandIn.NotNull(collection), item, 0, CancellationToken.None, TryAddApi, file, line)
            : collection.TryAdd(item);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryAdd(T, TimeSpan)"/>: adds if there is room, or room is made within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>; inside an execution, in virtual time.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the item was added.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative other than infinite, or too large.</exception>
    /// <exception cref="InvalidOperationException">The collection is marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryAddApi, file, line) is { } me
            ? BlockingCollectionModel.TryAdd(me, StandIn.NotNull(collection), item, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, TryAddApi, file, line)
            : collection.TryAdd(item, timeout);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryAdd(T, int)"/>: adds if there is room, or room is made within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>; inside an execution, in virtual time.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the item was added.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative other than infinite, or too large.</exception>
    /// <exception cref="InvalidOperationException">The collection is marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryAddApi, file, line) is { } me
            ? BlockingCollectionModel.TryAdd(me, StandIn.NotNull(collection), item, millisecondsTimeout, CancellationToken.None, TryAddApi, file, line)
            : collection.TryAdd(item, millisecondsTimeout);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryAdd(T, int, CancellationToken)"/>: adds if there is room, or room is made within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>; inside an execution, in virtual time.</param>
    /// <param name="cancellationToken">The token to observe; cancelling it ends the wait.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the item was added.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative other than infinite, or too large.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The collection is marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryAdd<T>(BlockingCollection<T> collection, T item, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryAddApi, file, line) is { } me
            ? BlockingCollectionModel.TryAdd(me, StandIn.NotNull(collection), item, millisecondsTimeout, cancellationToken, TryAddApi, file, line)
            : collection.TryAdd(item, millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.Take()"/>: takes an item, waiting while the collection is empty and adding is not complete.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The item.</returns>
    /// <exception cref="InvalidOperationException">The collection is empty and marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static T Take<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(TakeApi, file, line) is not { } me)
            return collection.Take();
        return BlockingCollectionModel.TryTake(me, StandIn.NotNull(collection), out var item, Timeout.Infinite, CancellationToken.None, TakeApi, file, line)
            ? item
            : throw new InvalidOperationException("The collection argument is empty and has been marked as complete with regards to additions.");
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.Take(CancellationToken)"/>: takes an item, waiting while the collection is empty and adding is not complete.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="cancellationToken">The token to observe; cancelling it ends the wait.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The item.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The collection is empty and marked complete for adding.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static T Take<T>(BlockingCollection<T> collection, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(TakeApi, file, line) is not { } me)
            return collection.Take(cancellationToken);
        return BlockingCollectionModel.TryTake(me, StandIn.NotNull(collection), out var item, Timeout.Infinite, cancellationToken, TakeApi, file, line)
            ? item
            : throw new InvalidOperationException("The collection argument is empty and has been marked as complete with regards to additions.");
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryTake(out T)"/>: takes an item if there is one, or one comes within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item taken, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was taken: not when the time ran out, nor when the collection is empty and complete for adding.</returns>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryTakeApi, file, line) is { } me
            ? BlockingCollectionModel.TryTake(me, StandIn.NotNull(collection), out item!, 0, CancellationToken.None, TryTakeApi, file, line)
            : collection.TryTake(out item);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryTake(out T, TimeSpan)"/>: takes an item if there is one, or one comes within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item taken, or the default.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>; inside an execution, in virtual time.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was taken: not when the time ran out, nor when the collection is empty and complete for adding.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryTakeApi, file, line) is { } me
            ? BlockingCollectionModel.TryTake(me, StandIn.NotNull(collection), out item!, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, TryTakeApi, file, line)
            : collection.TryTake(out item, timeout);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryTake(out T, int)"/>: takes an item if there is one, or one comes within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item taken, or the default.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>; inside an execution, in virtual time.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was taken: not when the time ran out, nor when the collection is empty and complete for adding.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryTakeApi, file, line) is { } me
            ? BlockingCollectionModel.TryTake(me, StandIn.NotNull(collection), out item!, millisecondsTimeout, CancellationToken.None, TryTakeApi, file, line)
            : collection.TryTake(out item, millisecondsTimeout);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.TryTake(out T, int, CancellationToken)"/>: takes an item if there is one, or one comes within the timeout.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="item">The item taken, or the default.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>; inside an execution, in virtual time.</param>
    /// <param name="cancellationToken">The token to observe; cancelling it ends the wait.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was taken: not when the time ran out, nor when the collection is empty and complete for adding.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative other than infinite, or too large.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool TryTake<T>(BlockingCollection<T> collection, [MaybeNullWhen(false)] out T item, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(TryTakeApi, file, line) is { } me
            ? BlockingCollectionModel.TryTake(me, StandIn.NotNull(collection), out item!, millisecondsTimeout, cancellationToken, TryTakeApi, file, line)
            : collection.TryTake(out item, millisecondsTimeout, cancellationToken);


    /// <summary>Stands in for <see cref="BlockingCollection{T}.GetConsumingEnumerable()"/>: takes items, waiting for each, until the collection is empty and complete for adding.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items, as they are taken.</returns>
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        GetConsumingEnumerable(collection, CancellationToken.None, file, line);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.GetConsumingEnumerable(CancellationToken)"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="cancellationToken">The token to observe; cancelling it ends the enumeration with <see cref="OperationCanceledException"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items, as they are taken.</returns>
    public static IEnumerable<T> GetConsumingEnumerable<T>(BlockingCollection<T> collection, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("BlockingCollection.GetConsumingEnumerable", file, line) is not null
            ? BlockingCollectionModel.Consume(StandIn.NotNull(collection), cancellationToken, file, line)
            : collection.GetConsumingEnumerable(cancellationToken);

    /// <summary>Stands in for <see cref="BlockingCollection{T}.CompleteAdding"/>: no more adds; takers of an empty collection stop waiting.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static void CompleteAdding<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("BlockingCollection.CompleteAdding", file, line) is { } me)
            BlockingCollectionModel.CompleteAdding(me, StandIn.NotNull(collection), file, line);
        else
            collection.CompleteAdding();
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.Dispose()"/>. Inside an execution it disposes the model only: later calls in the execution throw <see cref="ObjectDisposedException"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Dispose<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("BlockingCollection.Dispose", file, line) is { } me)
            BlockingCollectionModel.Dispose(me, StandIn.NotNull(collection), file, line);
        else
            collection.Dispose();
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.ToArray"/>: a snapshot.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static T[] ToArray<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("BlockingCollection.ToArray", file, line) is { } me
            ? BlockingCollectionModel.Read(me, StandIn.NotNull(collection), "BlockingCollection.ToArray", file, line).ToArray()
            : collection.ToArray();

    /// <summary>Stands in for <see cref="BlockingCollection{T}.CopyTo"/>: a snapshot.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="array">The destination.</param>
    /// <param name="index">Where to start in it.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static void CopyTo<T>(BlockingCollection<T> collection, T[] array, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("BlockingCollection.CopyTo", file, line) is { } me)
            BlockingCollectionModel.Read(me, StandIn.NotNull(collection), "BlockingCollection.CopyTo", file, line).CopyTo(array, index);
        else
            collection.CopyTo(array, index);
    }

    /// <summary>Stands in for <see cref="BlockingCollection{T}.Count"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items it holds.</returns>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static int get_Count<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("BlockingCollection.Count", file, line) is { } me
            ? MemoryAccess.Result(me, BlockingCollectionModel.Read(me, StandIn.NotNull(collection), "BlockingCollection.Count", file, line).Count)
            : collection.Count;

    /// <summary>Stands in for <see cref="BlockingCollection{T}.IsAddingCompleted"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether CompleteAdding was called.</returns>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool get_IsAddingCompleted<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("BlockingCollection.IsAddingCompleted", file, line) is { } me
            ? BlockingCollectionModel.IsAddingCompleted(me, StandIn.NotNull(collection), file, line)
            : collection.IsAddingCompleted;

    /// <summary>Stands in for <see cref="BlockingCollection{T}.IsCompleted"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="collection">The collection.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether it is empty and complete for adding.</returns>
    /// <exception cref="ObjectDisposedException">The collection was disposed.</exception>
    public static bool get_IsCompleted<T>(BlockingCollection<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("BlockingCollection.IsCompleted", file, line) is { } me
            ? BlockingCollectionModel.IsCompleted(me, StandIn.NotNull(collection), file, line)
            : collection.IsCompleted;
}
