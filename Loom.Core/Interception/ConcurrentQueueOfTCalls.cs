using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentQueue{T}"/>, on the real queues: inside a Loom execution every operation is
/// a scheduling point on the queue's model, then the real operation, which is atomic
/// (<see cref="ConcurrentCollectionModel"/>). Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", "makes an empty or filled queue that no other thread can see yet")]
[Intercepts(typeof(ConcurrentQueue<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConcurrentQueueOfTCalls
{
    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.Enqueue"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="item">The item.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Enqueue<T>(ConcurrentQueue<T> queue, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.Enqueue", AccessKind.Write, file, line);
        queue.Enqueue(item);
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.TryDequeue"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="result">The oldest item, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether an item was removed.</returns>
    public static bool TryDequeue<T>(ConcurrentQueue<T> queue, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.TryDequeue", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, queue.TryDequeue(out result));
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.TryPeek"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="result">The oldest item, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether there was an item.</returns>
    public static bool TryPeek<T>(ConcurrentQueue<T> queue, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.TryPeek", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, queue.TryPeek(out result));
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.IsEmpty"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether it holds no item.</returns>
    public static bool get_IsEmpty<T>(ConcurrentQueue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.IsEmpty", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, queue.IsEmpty);
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.Count"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many items it holds.</returns>
    public static int get_Count<T>(ConcurrentQueue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var me = ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.Count", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, queue.Count);
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.ToArray"/>: a snapshot.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The items.</returns>
    public static T[] ToArray<T>(ConcurrentQueue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.ToArray", AccessKind.Read, file, line);
        return queue.ToArray();
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.CopyTo"/>: a snapshot.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="array">The destination.</param>
    /// <param name="index">Where to start in it.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void CopyTo<T>(ConcurrentQueue<T> queue, T[] array, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.CopyTo", AccessKind.Read, file, line);
        queue.CopyTo(array, index);
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.GetEnumerator"/>: a snapshot's enumerator.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The enumerator.</returns>
    public static IEnumerator<T> GetEnumerator<T>(ConcurrentQueue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.GetEnumerator", AccessKind.Read, file, line);
        return queue.GetEnumerator();
    }

    /// <summary>Stands in for <see cref="ConcurrentQueue{T}.Clear"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="queue">The queue.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Clear<T>(ConcurrentQueue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ConcurrentCollectionModel.Step(queue, "ConcurrentQueue.Clear", AccessKind.Write, file, line);
        queue.Clear();
    }
}
