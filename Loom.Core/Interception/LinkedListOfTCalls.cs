using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="LinkedList{T}"/>: inside a Loom execution each operation is first a read or a write of the
/// list's contents (<see cref="CollectionContents"/>), then the real member, whole; outside one it is the real member.
/// A node's own members (<see cref="LinkedListNode{T}.Next"/>, <see cref="LinkedListNode{T}.Value"/>, ...) are not
/// tracked.
/// </summary>
[PassesThrough("New", "a new list is seen by its creator only, until it is published")]
[NotInterceptedYet("GetObjectData", "legacy serialization reads the contents without race tracking")]
[NotInterceptedYet("OnDeserialization", "legacy serialization fills the contents without race tracking")]
[Intercepts(typeof(LinkedList<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LinkedListOfTCalls
{
    /// <summary>Stands in for <see cref="LinkedList{T}.Count"/>: a read.</summary>
    /// <returns>How many items the list holds.</returns>
    public static int get_Count<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Count;

    /// <summary>Stands in for <see cref="LinkedList{T}.First"/>: a read.</summary>
    /// <returns>The first node, or <see langword="null"/>.</returns>
    public static LinkedListNode<T>? get_First<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).First;

    /// <summary>Stands in for <see cref="LinkedList{T}.Last"/>: a read.</summary>
    /// <returns>The last node, or <see langword="null"/>.</returns>
    public static LinkedListNode<T>? get_Last<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Last;

    /// <summary>Stands in for <see cref="LinkedList{T}.AddAfter(LinkedListNode{T}, T)"/>: a write.</summary>
    /// <returns>The new node.</returns>
    public static LinkedListNode<T> AddAfter<T>(LinkedList<T> list, LinkedListNode<T> node, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddAfter(node, value);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddAfter(LinkedListNode{T}, LinkedListNode{T})"/>: a write.</summary>
    public static void AddAfter<T>(LinkedList<T> list, LinkedListNode<T> node, LinkedListNode<T> newNode, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddAfter(node, newNode);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddBefore(LinkedListNode{T}, T)"/>: a write.</summary>
    /// <returns>The new node.</returns>
    public static LinkedListNode<T> AddBefore<T>(LinkedList<T> list, LinkedListNode<T> node, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddBefore(node, value);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddBefore(LinkedListNode{T}, LinkedListNode{T})"/>: a write.</summary>
    public static void AddBefore<T>(LinkedList<T> list, LinkedListNode<T> node, LinkedListNode<T> newNode, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddBefore(node, newNode);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddFirst(T)"/>: a write.</summary>
    /// <returns>The new node.</returns>
    public static LinkedListNode<T> AddFirst<T>(LinkedList<T> list, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddFirst(value);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddFirst(LinkedListNode{T})"/>: a write.</summary>
    public static void AddFirst<T>(LinkedList<T> list, LinkedListNode<T> node, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddFirst(node);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddLast(T)"/>: a write.</summary>
    /// <returns>The new node.</returns>
    public static LinkedListNode<T> AddLast<T>(LinkedList<T> list, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddLast(value);

    /// <summary>Stands in for <see cref="LinkedList{T}.AddLast(LinkedListNode{T})"/>: a write.</summary>
    public static void AddLast<T>(LinkedList<T> list, LinkedListNode<T> node, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddLast(node);

    /// <summary>Stands in for <see cref="LinkedList{T}.Clear"/>: a write.</summary>
    public static void Clear<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Clear();

    /// <summary>Stands in for <see cref="LinkedList{T}.Contains(T)"/>: a read.</summary>
    /// <returns>Whether the list holds <paramref name="value"/>.</returns>
    public static bool Contains<T>(LinkedList<T> list, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Contains(value);

    /// <summary>Stands in for <see cref="LinkedList{T}.CopyTo(T[], int)"/>: a read.</summary>
    public static void CopyTo<T>(LinkedList<T> list, T[] array, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).CopyTo(array, index);

    /// <summary>Stands in for <see cref="LinkedList{T}.Find(T)"/>: a read.</summary>
    /// <returns>The first node holding <paramref name="value"/>, or <see langword="null"/>.</returns>
    public static LinkedListNode<T>? Find<T>(LinkedList<T> list, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Find(value);

    /// <summary>Stands in for <see cref="LinkedList{T}.FindLast(T)"/>: a read.</summary>
    /// <returns>The last node holding <paramref name="value"/>, or <see langword="null"/>.</returns>
    public static LinkedListNode<T>? FindLast<T>(LinkedList<T> list, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindLast(value);

    /// <summary>Stands in for <see cref="LinkedList{T}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static LinkedList<T>.Enumerator GetEnumerator<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="LinkedList{T}.Remove(T)"/>: a write.</summary>
    /// <returns>Whether the value was removed.</returns>
    public static bool Remove<T>(LinkedList<T> list, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Remove(value);

    /// <summary>Stands in for <see cref="LinkedList{T}.Remove(LinkedListNode{T})"/>: a write.</summary>
    public static void Remove<T>(LinkedList<T> list, LinkedListNode<T> node, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Remove(node);

    /// <summary>Stands in for <see cref="LinkedList{T}.RemoveFirst"/>: a write.</summary>
    public static void RemoveFirst<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).RemoveFirst();

    /// <summary>Stands in for <see cref="LinkedList{T}.RemoveLast"/>: a write.</summary>
    public static void RemoveLast<T>(LinkedList<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).RemoveLast();
}
