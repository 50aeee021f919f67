using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="SortedSet{T}"/>: inside a Loom execution each operation is first a read or a write of the
/// set's contents (<see cref="CollectionContents"/>), then the real member, whole; outside one it is the real member. A
/// view (<c>GetViewBetween</c>) is a location of its own: its operations and the underlying set's do not race with each
/// other in Loom's eyes.
/// </summary>
[PassesThrough("New", "a new set is seen by its creator only, until it is published")]
[PassesThrough("get_Comparer", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("CreateSetComparer", "makes a comparer of sets and reads no set")]
[Intercepts(typeof(SortedSet<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SortedSetOfTCalls
{
    /// <summary>Stands in for <see cref="SortedSet{T}.IsProperSubsetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a proper subset of <paramref name="other"/>.</returns>
    public static bool IsProperSubsetOf<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsProperSubsetOf(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.IsProperSupersetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a proper superset of <paramref name="other"/>.</returns>
    public static bool IsProperSupersetOf<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsProperSupersetOf(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.IsSubsetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a subset of <paramref name="other"/>.</returns>
    public static bool IsSubsetOf<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsSubsetOf(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.IsSupersetOf(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set is a superset of <paramref name="other"/>.</returns>
    public static bool IsSupersetOf<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).IsSupersetOf(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.Overlaps(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set and <paramref name="other"/> share an item.</returns>
    public static bool Overlaps<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Overlaps(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.SetEquals(IEnumerable{T})"/>: a read.</summary>
    /// <returns>Whether the set and <paramref name="other"/> hold the same items.</returns>
    public static bool SetEquals<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).SetEquals(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.ExceptWith(IEnumerable{T})"/>: a write.</summary>
    public static void ExceptWith<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).ExceptWith(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.IntersectWith(IEnumerable{T})"/>: a write.</summary>
    public static void IntersectWith<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).IntersectWith(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.SymmetricExceptWith(IEnumerable{T})"/>: a write.</summary>
    public static void SymmetricExceptWith<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).SymmetricExceptWith(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.UnionWith(IEnumerable{T})"/>: a write.</summary>
    public static void UnionWith<T>(SortedSet<T> set, IEnumerable<T> other, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).UnionWith(other);

    /// <summary>Stands in for <see cref="SortedSet{T}.RemoveWhere(Predicate{T})"/>: a write.</summary>
    /// <returns>How many items were removed.</returns>
    public static int RemoveWhere<T>(SortedSet<T> set, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).RemoveWhere(match);

    /// <summary>Stands in for <see cref="SortedSet{T}.TryGetValue(T, out T)"/>: a read.</summary>
    /// <returns>Whether the set holds an equal value.</returns>
    public static bool TryGetValue<T>(SortedSet<T> set, T equalValue, [MaybeNullWhen(false)] out T actualValue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).TryGetValue(equalValue, out actualValue);

    /// <summary>Stands in for <see cref="SortedSet{T}.CopyTo(T[])"/>: a read.</summary>
    public static void CopyTo<T>(SortedSet<T> set, T[] array, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).CopyTo(array);

    /// <summary>Stands in for <see cref="SortedSet{T}.CopyTo(T[], int)"/>: a read.</summary>
    public static void CopyTo<T>(SortedSet<T> set, T[] array, int arrayIndex, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).CopyTo(array, arrayIndex);

    /// <summary>Stands in for <see cref="SortedSet{T}.CopyTo(T[], int, int)"/>: a read.</summary>
    public static void CopyTo<T>(SortedSet<T> set, T[] array, int arrayIndex, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).CopyTo(array, arrayIndex, count);

    /// <summary>Stands in for <see cref="SortedSet{T}.Add(T)"/>: a write.</summary>
    /// <returns>Whether the item was added.</returns>
    public static bool Add<T>(SortedSet<T> set, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).Add(item);

    /// <summary>Stands in for <see cref="SortedSet{T}.Clear"/>: a write.</summary>
    public static void Clear<T>(SortedSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).Clear();

    /// <summary>Stands in for <see cref="SortedSet{T}.Contains(T)"/>: a read.</summary>
    /// <returns>Whether the set holds <paramref name="item"/>.</returns>
    public static bool Contains<T>(SortedSet<T> set, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Contains(item);

    /// <summary>Stands in for <see cref="SortedSet{T}.Count"/>: a read.</summary>
    /// <returns>How many items the set holds.</returns>
    public static int get_Count<T>(SortedSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Count;

    /// <summary>Stands in for <see cref="SortedSet{T}.Remove(T)"/>: a write.</summary>
    /// <returns>Whether the item was removed.</returns>
    public static bool Remove<T>(SortedSet<T> set, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(set, file, line).Remove(item);

    /// <summary>Stands in for <see cref="SortedSet{T}.Max"/>: a read.</summary>
    /// <returns>The largest item, or the default value.</returns>
    public static T? get_Max<T>(SortedSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Max;

    /// <summary>Stands in for <see cref="SortedSet{T}.Min"/>: a read.</summary>
    /// <returns>The smallest item, or the default value.</returns>
    public static T? get_Min<T>(SortedSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Min;

    /// <summary>Stands in for <see cref="SortedSet{T}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static SortedSet<T>.Enumerator GetEnumerator<T>(SortedSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="SortedSet{T}.GetViewBetween(T, T)"/>: a read.</summary>
    /// <returns>The view.</returns>
    public static SortedSet<T> GetViewBetween<T>(SortedSet<T> set, T? lowerValue, T? upperValue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).GetViewBetween(lowerValue, upperValue);

    /// <summary>Stands in for <see cref="SortedSet{T}.Reverse"/>: a read when the enumeration is made.</summary>
    /// <returns>The items in reverse order.</returns>
    public static IEnumerable<T> Reverse<T>(SortedSet<T> set, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(set, file, line).Reverse();
}
