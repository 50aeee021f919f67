using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="HashSet{T}"/>: inside a Loom execution each operation is first a read or a write of the
/// set's contents (<see cref="CollectionContents"/>), then the real member, whole; outside one it is the real member.
/// </summary>
[PassesThrough("New", "a new set is seen by its creator only, until it is published")]
[PassesThrough("get_Comparer", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("CreateSetComparer", "makes a comparer of sets and reads no set")]
[NotInterceptedYet("GetAlternateLookup", "the lookup's operations read and write the set without race tracking")]
[NotInterceptedYet("TryGetAlternateLookup", "the lookup's operations read and write the set without race tracking")]
[NotInterceptedYet("GetObjectData", "legacy serialization reads the contents without race tracking")]
[NotInterceptedYet("OnDeserialization", "legacy serialization fills the contents without race tracking")]
[Intercepts(typeof(HashSet<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HashSetOfTCalls
{
    /// <summary>Stands in for <see cref="HashSet{T}.IsProperSubsetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a proper subset of <paramref name="other"/>.</returns>
    public static bool IsProperSubsetOf<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsProperSubsetOf(other);

    /// <summary>Stands in for <see cref="HashSet{T}.IsProperSupersetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a proper superset of <paramref name="other"/>.</returns>
    public static bool IsProperSupersetOf<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsProperSupersetOf(other);

    /// <summary>Stands in for <see cref="HashSet{T}.IsSubsetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a subset of <paramref name="other"/>.</returns>
    public static bool IsSubsetOf<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsSubsetOf(other);

    /// <summary>Stands in for <see cref="HashSet{T}.IsSupersetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a superset of <paramref name="other"/>.</returns>
    public static bool IsSupersetOf<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsSupersetOf(other);

    /// <summary>Stands in for <see cref="HashSet{T}.Overlaps(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set and <paramref name="other"/> share an item.</returns>
    public static bool Overlaps<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Overlaps(other);

    /// <summary>Stands in for <see cref="HashSet{T}.SetEquals(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set and <paramref name="other"/> hold the same items.</returns>
    public static bool SetEquals<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).SetEquals(other);

    /// <summary>Stands in for <see cref="HashSet{T}.ExceptWith(IEnumerable{T})"/>: a write.</summary>
    public static void ExceptWith<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).ExceptWith(other);

    /// <summary>Stands in for <see cref="HashSet{T}.IntersectWith(IEnumerable{T})"/>: a write.</summary>
    public static void IntersectWith<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).IntersectWith(other);

    /// <summary>Stands in for <see cref="HashSet{T}.SymmetricExceptWith(IEnumerable{T})"/>: a write.</summary>
    public static void SymmetricExceptWith<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).SymmetricExceptWith(other);

    /// <summary>Stands in for <see cref="HashSet{T}.UnionWith(IEnumerable{T})"/>: a write.</summary>
    public static void UnionWith<T>(HashSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).UnionWith(other);

    /// <summary>Stands in for <see cref="HashSet{T}.RemoveWhere(Predicate{T})"/>: a write.</summary>
    /// <returns>How many items were removed.</returns>
    public static int RemoveWhere<T>(HashSet<T> set, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).RemoveWhere(match);

    /// <summary>Stands in for <see cref="HashSet{T}.TryGetValue(T, out T)"/>: a read.</summary>
    /// <returns>Whether the set holds an equal value.</returns>
    public static bool TryGetValue<T>(HashSet<T> set, T equalValue, [MaybeNullWhen(false)] out T actualValue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).TryGetValue(equalValue, out actualValue);

    /// <summary>Stands in for <see cref="HashSet{T}.CopyTo(T[])"/>: a read.</summary>
    public static void CopyTo<T>(HashSet<T> set, T[] array, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).CopyTo(array);

    /// <summary>Stands in for <see cref="HashSet{T}.CopyTo(T[], int)"/>: a read.</summary>
    public static void CopyTo<T>(HashSet<T> set, T[] array, int arrayIndex, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).CopyTo(array, arrayIndex);

    /// <summary>Stands in for <see cref="HashSet{T}.CopyTo(T[], int, int)"/>: a read.</summary>
    public static void CopyTo<T>(HashSet<T> set, T[] array, int arrayIndex, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).CopyTo(array, arrayIndex, count);

    /// <summary>Stands in for <see cref="HashSet{T}.Add(T)"/>: a write.</summary>
    /// <returns>Whether the item was added.</returns>
    public static bool Add<T>(HashSet<T> set, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).Add(item);

    /// <summary>Stands in for <see cref="HashSet{T}.Clear"/>: a write.</summary>
    public static void Clear<T>(HashSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).Clear();

    /// <summary>Stands in for <see cref="HashSet{T}.Contains(T)"/>: a read.</summary>
    /// <returns>Whether the set holds <paramref name="item"/>.</returns>
    public static bool Contains<T>(HashSet<T> set, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Contains(item);

    /// <summary>Stands in for <see cref="HashSet{T}.Count"/>: a read.</summary>
    /// <returns>How many items the set holds.</returns>
    public static int get_Count<T>(HashSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Count;

    /// <summary>Stands in for <see cref="HashSet{T}.Remove(T)"/>: a write.</summary>
    /// <returns>Whether the item was removed.</returns>
    public static bool Remove<T>(HashSet<T> set, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).Remove(item);

    /// <summary>Stands in for <see cref="HashSet{T}.Capacity"/>: a read.</summary>
    /// <returns>How many items it holds without growing.</returns>
    public static int get_Capacity<T>(HashSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Capacity;

    /// <summary>Stands in for <see cref="HashSet{T}.EnsureCapacity(int)"/>: a write (it may grow the table).</summary>
    /// <returns>The capacity.</returns>
    public static int EnsureCapacity<T>(HashSet<T> set, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).EnsureCapacity(capacity);

    /// <summary>Stands in for <see cref="HashSet{T}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static HashSet<T>.Enumerator GetEnumerator<T>(HashSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="HashSet{T}.TrimExcess()"/>: a write.</summary>
    public static void TrimExcess<T>(HashSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).TrimExcess();

    /// <summary>Stands in for <see cref="HashSet{T}.TrimExcess(int)"/>: a write.</summary>
    public static void TrimExcess<T>(HashSet<T> set, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).TrimExcess(capacity);
}
