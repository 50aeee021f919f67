using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="Queue{T}"/>: inside a Loom execution each operation is first a read or a write of the
/// queue's contents (<see cref="CollectionContents"/>), then the real member, whole; outside one it is the real member.
/// </summary>
[PassesThrough("New", "a new queue is seen by its creator only, until it is published")]
[Intercepts(typeof(Queue<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class QueueOfTCalls
{
    /// <summary>Stands in for <see cref="Queue{T}.Count"/>: a read.</summary>
    /// <returns>How many items the queue holds.</returns>
    public static int get_Count<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).Count;

    /// <summary>Stands in for <see cref="Queue{T}.Capacity"/>: a read.</summary>
    /// <returns>How many items it holds without growing.</returns>
    public static int get_Capacity<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).Capacity;

    /// <summary>Stands in for <see cref="Queue{T}.Clear"/>: a write.</summary>
    public static void Clear<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).Clear();

    /// <summary>Stands in for <see cref="Queue{T}.Contains(T)"/>: a read.</summary>
    /// <returns>Whether the queue holds <paramref name="item"/>.</returns>
    public static bool Contains<T>(Queue<T> queue, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).Contains(item);

    /// <summary>Stands in for <see cref="Queue{T}.CopyTo(T[], int)"/>: a read.</summary>
    public static void CopyTo<T>(Queue<T> queue, T[] array, int arrayIndex, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).CopyTo(array, arrayIndex);

    /// <summary>Stands in for <see cref="Queue{T}.Dequeue"/>: a write.</summary>
    /// <returns>The item at the head.</returns>
    public static T Dequeue<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).Dequeue();

    /// <summary>Stands in for <see cref="Queue{T}.Enqueue(T)"/>: a write.</summary>
    public static void Enqueue<T>(Queue<T> queue, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).Enqueue(item);

    /// <summary>Stands in for <see cref="Queue{T}.EnsureCapacity(int)"/>: a write (it may grow the queue).</summary>
    /// <returns>The capacity.</returns>
    public static int EnsureCapacity<T>(Queue<T> queue, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).EnsureCapacity(capacity);

    /// <summary>Stands in for <see cref="Queue{T}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static Queue<T>.Enumerator GetEnumerator<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="Queue{T}.Peek"/>: a read.</summary>
    /// <returns>The item at the head.</returns>
    public static T Peek<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).Peek();

    /// <summary>Stands in for <see cref="Queue{T}.ToArray"/>: a read.</summary>
    /// <returns>A copy of the items.</returns>
    public static T[] ToArray<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).ToArray();

    /// <summary>Stands in for <see cref="Queue{T}.TrimExcess()"/>: a write.</summary>
    public static void TrimExcess<T>(Queue<T> queue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).TrimExcess();

    /// <summary>Stands in for <see cref="Queue{T}.TrimExcess(int)"/>: a write.</summary>
    public static void TrimExcess<T>(Queue<T> queue, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).TrimExcess(capacity);

    /// <summary>Stands in for <see cref="Queue{T}.TryDequeue(out T)"/>: a write.</summary>
    /// <returns>Whether an item was taken.</returns>
    public static bool TryDequeue<T>(Queue<T> queue, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(queue, file, line).TryDequeue(out result);

    /// <summary>Stands in for <see cref="Queue{T}.TryPeek(out T)"/>: a read.</summary>
    /// <returns>Whether the queue holds an item.</returns>
    public static bool TryPeek<T>(Queue<T> queue, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(queue, file, line).TryPeek(out result);
}
