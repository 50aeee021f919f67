using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="Stack{T}"/>: inside a Loom execution each operation is first a read or a write of the
/// stack's contents (<see cref="CollectionContents"/>), then the real member, whole; outside one it is the real member.
/// </summary>
[PassesThrough("New", "a new stack is seen by its creator only, until it is published")]
[Intercepts(typeof(Stack<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StackOfTCalls
{
    /// <summary>Stands in for <see cref="Stack{T}.Count"/>: a read.</summary>
    /// <returns>How many items the stack holds.</returns>
    public static int get_Count<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).Count;

    /// <summary>Stands in for <see cref="Stack{T}.Capacity"/>: a read.</summary>
    /// <returns>How many items it holds without growing.</returns>
    public static int get_Capacity<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).Capacity;

    /// <summary>Stands in for <see cref="Stack{T}.Clear"/>: a write.</summary>
    public static void Clear<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).Clear();

    /// <summary>Stands in for <see cref="Stack{T}.Contains(T)"/>: a read.</summary>
    /// <returns>Whether the stack holds <paramref name="item"/>.</returns>
    public static bool Contains<T>(Stack<T> stack, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).Contains(item);

    /// <summary>Stands in for <see cref="Stack{T}.CopyTo(T[], int)"/>: a read.</summary>
    public static void CopyTo<T>(Stack<T> stack, T[] array, int arrayIndex, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).CopyTo(array, arrayIndex);

    /// <summary>Stands in for <see cref="Stack{T}.EnsureCapacity(int)"/>: a write (it may grow the stack).</summary>
    /// <returns>The capacity.</returns>
    public static int EnsureCapacity<T>(Stack<T> stack, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).EnsureCapacity(capacity);

    /// <summary>Stands in for <see cref="Stack{T}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static Stack<T>.Enumerator GetEnumerator<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="Stack{T}.Peek"/>: a read.</summary>
    /// <returns>The item on top.</returns>
    public static T Peek<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).Peek();

    /// <summary>Stands in for <see cref="Stack{T}.Pop"/>: a write.</summary>
    /// <returns>The item that was on top.</returns>
    public static T Pop<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).Pop();

    /// <summary>Stands in for <see cref="Stack{T}.Push(T)"/>: a write.</summary>
    public static void Push<T>(Stack<T> stack, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).Push(item);

    /// <summary>Stands in for <see cref="Stack{T}.ToArray"/>: a read.</summary>
    /// <returns>A copy of the items, top first.</returns>
    public static T[] ToArray<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).ToArray();

    /// <summary>Stands in for <see cref="Stack{T}.TrimExcess()"/>: a write.</summary>
    public static void TrimExcess<T>(Stack<T> stack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).TrimExcess();

    /// <summary>Stands in for <see cref="Stack{T}.TrimExcess(int)"/>: a write.</summary>
    public static void TrimExcess<T>(Stack<T> stack, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).TrimExcess(capacity);

    /// <summary>Stands in for <see cref="Stack{T}.TryPop(out T)"/>: a write.</summary>
    /// <returns>Whether an item was taken.</returns>
    public static bool TryPop<T>(Stack<T> stack, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(stack, file, line).TryPop(out result);

    /// <summary>Stands in for <see cref="Stack{T}.TryPeek(out T)"/>: a read.</summary>
    /// <returns>Whether the stack holds an item.</returns>
    public static bool TryPeek<T>(Stack<T> stack, [MaybeNullWhen(false)] out T result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(stack, file, line).TryPeek(out result);
}
