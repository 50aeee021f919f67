using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="List{T}"/>: inside a Loom execution each operation is first a read or a write of the list's
/// contents (<see cref="CollectionContents"/>), then the real member, whole; outside one it is the real member.
/// <c>AsReadOnly</c>'s wrapper reads through <see cref="IList{T}"/>, which is not tracked.
/// </summary>
[PassesThrough("New", "a new list is seen by its creator only, until it is published")]
[PassesThrough("AsReadOnly", "makes a wrapper and reads nothing; reads through the wrapper go through IList<T>, which is not redirected")]
[Intercepts(typeof(List<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ListOfTCalls
{
    /// <summary>Stands in for <see cref="List{T}.this[int]"/>'s getter: a read.</summary>
    /// <returns>The item at <paramref name="index"/>.</returns>
    public static T get_Item<T>(List<T> list, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line)[index];

    /// <summary>Stands in for <see cref="List{T}.this[int]"/>'s setter: a write.</summary>
    public static void set_Item<T>(List<T> list, int index, T value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line)[index] = value;

    /// <summary>Stands in for <see cref="List{T}.Count"/>: a read.</summary>
    /// <returns>How many items the list holds.</returns>
    public static int get_Count<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Count;

    /// <summary>Stands in for <see cref="List{T}.Capacity"/>: a read.</summary>
    /// <returns>How many items it holds without growing.</returns>
    public static int get_Capacity<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Capacity;

    /// <summary>Stands in for <see cref="List{T}.Capacity"/>'s setter: a write.</summary>
    public static void set_Capacity<T>(List<T> list, int value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Capacity = value;

    /// <summary>Stands in for <see cref="List{T}.Add(T)"/>: a write.</summary>
    public static void Add<T>(List<T> list, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Add(item);

    /// <summary>Stands in for <see cref="List{T}.AddRange(IEnumerable{T})"/>: a write.</summary>
    public static void AddRange<T>(List<T> list, IEnumerable<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).AddRange(collection);

    /// <summary>Stands in for <see cref="List{T}.BinarySearch(T)"/>: a read.</summary>
    /// <returns>The item's index, or the complement of where it would go.</returns>
    public static int BinarySearch<T>(List<T> list, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).BinarySearch(item);

    /// <summary>Stands in for <see cref="List{T}.BinarySearch(T, IComparer{T})"/>: a read.</summary>
    /// <returns>The item's index, or the complement of where it would go.</returns>
    public static int BinarySearch<T>(List<T> list, T item, IComparer<T>? comparer, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).BinarySearch(item, comparer);

    /// <summary>Stands in for <see cref="List{T}.BinarySearch(int, int, T, IComparer{T})"/>: a read.</summary>
    /// <returns>The item's index, or the complement of where it would go.</returns>
    public static int BinarySearch<T>(List<T> list, int index, int count, T item, IComparer<T>? comparer, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).BinarySearch(index, count, item, comparer);

    /// <summary>Stands in for <see cref="List{T}.Clear"/>: a write.</summary>
    public static void Clear<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Clear();

    /// <summary>Stands in for <see cref="List{T}.Contains(T)"/>: a read.</summary>
    /// <returns>Whether the list holds <paramref name="item"/>.</returns>
    public static bool Contains<T>(List<T> list, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Contains(item);

    /// <summary>Stands in for <see cref="List{T}.ConvertAll{TOutput}(Converter{T, TOutput})"/>: a read.</summary>
    /// <returns>The converted items.</returns>
    public static List<TOutput> ConvertAll<T, TOutput>(List<T> list, Converter<T, TOutput> converter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).ConvertAll(converter);

    /// <summary>Stands in for <see cref="List{T}.CopyTo(T[])"/>: a read.</summary>
    public static void CopyTo<T>(List<T> list, T[] array, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).CopyTo(array);

    /// <summary>Stands in for <see cref="List{T}.CopyTo(T[], int)"/>: a read.</summary>
    public static void CopyTo<T>(List<T> list, T[] array, int arrayIndex, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).CopyTo(array, arrayIndex);

    /// <summary>Stands in for <see cref="List{T}.CopyTo(int, T[], int, int)"/>: a read.</summary>
    public static void CopyTo<T>(List<T> list, int index, T[] array, int arrayIndex, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).CopyTo(index, array, arrayIndex, count);

    /// <summary>Stands in for <see cref="List{T}.EnsureCapacity(int)"/>: a write (it may grow the list).</summary>
    /// <returns>The capacity.</returns>
    public static int EnsureCapacity<T>(List<T> list, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).EnsureCapacity(capacity);

    /// <summary>Stands in for <see cref="List{T}.Exists(Predicate{T})"/>: a read.</summary>
    /// <returns>Whether an item matches.</returns>
    public static bool Exists<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Exists(match);

    /// <summary>Stands in for <see cref="List{T}.Find(Predicate{T})"/>: a read.</summary>
    /// <returns>The first match, or the default value.</returns>
    public static T? Find<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Find(match);

    /// <summary>Stands in for <see cref="List{T}.FindAll(Predicate{T})"/>: a read.</summary>
    /// <returns>The matches.</returns>
    public static List<T> FindAll<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindAll(match);

    /// <summary>Stands in for <see cref="List{T}.FindIndex(Predicate{T})"/>: a read.</summary>
    /// <returns>The first match's index, or -1.</returns>
    public static int FindIndex<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindIndex(match);

    /// <summary>Stands in for <see cref="List{T}.FindIndex(int, Predicate{T})"/>: a read.</summary>
    /// <returns>The first match's index, or -1.</returns>
    public static int FindIndex<T>(List<T> list, int startIndex, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindIndex(startIndex, match);

    /// <summary>Stands in for <see cref="List{T}.FindIndex(int, int, Predicate{T})"/>: a read.</summary>
    /// <returns>The first match's index, or -1.</returns>
    public static int FindIndex<T>(List<T> list, int startIndex, int count, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindIndex(startIndex, count, match);

    /// <summary>Stands in for <see cref="List{T}.FindLast(Predicate{T})"/>: a read.</summary>
    /// <returns>The last match, or the default value.</returns>
    public static T? FindLast<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindLast(match);

    /// <summary>Stands in for <see cref="List{T}.FindLastIndex(Predicate{T})"/>: a read.</summary>
    /// <returns>The last match's index, or -1.</returns>
    public static int FindLastIndex<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindLastIndex(match);

    /// <summary>Stands in for <see cref="List{T}.FindLastIndex(int, Predicate{T})"/>: a read.</summary>
    /// <returns>The last match's index, or -1.</returns>
    public static int FindLastIndex<T>(List<T> list, int startIndex, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindLastIndex(startIndex, match);

    /// <summary>Stands in for <see cref="List{T}.FindLastIndex(int, int, Predicate{T})"/>: a read.</summary>
    /// <returns>The last match's index, or -1.</returns>
    public static int FindLastIndex<T>(List<T> list, int startIndex, int count, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).FindLastIndex(startIndex, count, match);

    /// <summary>Stands in for <see cref="List{T}.ForEach(Action{T})"/>: a read when it starts.</summary>
    public static void ForEach<T>(List<T> list, Action<T> action, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).ForEach(action);

    /// <summary>Stands in for <see cref="List{T}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static List<T>.Enumerator GetEnumerator<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="List{T}.GetRange(int, int)"/>: a read.</summary>
    /// <returns>A copy of the range.</returns>
    public static List<T> GetRange<T>(List<T> list, int index, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).GetRange(index, count);

    /// <summary>Stands in for <see cref="List{T}.IndexOf(T)"/>: a read.</summary>
    /// <returns>The item's first index, or -1.</returns>
    public static int IndexOf<T>(List<T> list, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).IndexOf(item);

    /// <summary>Stands in for <see cref="List{T}.IndexOf(T, int)"/>: a read.</summary>
    /// <returns>The item's first index, or -1.</returns>
    public static int IndexOf<T>(List<T> list, T item, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).IndexOf(item, index);

    /// <summary>Stands in for <see cref="List{T}.IndexOf(T, int, int)"/>: a read.</summary>
    /// <returns>The item's first index, or -1.</returns>
    public static int IndexOf<T>(List<T> list, T item, int index, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).IndexOf(item, index, count);

    /// <summary>Stands in for <see cref="List{T}.Insert(int, T)"/>: a write.</summary>
    public static void Insert<T>(List<T> list, int index, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Insert(index, item);

    /// <summary>Stands in for <see cref="List{T}.InsertRange(int, IEnumerable{T})"/>: a write.</summary>
    public static void InsertRange<T>(List<T> list, int index, IEnumerable<T> collection, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).InsertRange(index, collection);

    /// <summary>Stands in for <see cref="List{T}.LastIndexOf(T)"/>: a read.</summary>
    /// <returns>The item's last index, or -1.</returns>
    public static int LastIndexOf<T>(List<T> list, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).LastIndexOf(item);

    /// <summary>Stands in for <see cref="List{T}.LastIndexOf(T, int)"/>: a read.</summary>
    /// <returns>The item's last index, or -1.</returns>
    public static int LastIndexOf<T>(List<T> list, T item, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).LastIndexOf(item, index);

    /// <summary>Stands in for <see cref="List{T}.LastIndexOf(T, int, int)"/>: a read.</summary>
    /// <returns>The item's last index, or -1.</returns>
    public static int LastIndexOf<T>(List<T> list, T item, int index, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).LastIndexOf(item, index, count);

    /// <summary>Stands in for <see cref="List{T}.Remove(T)"/>: a write.</summary>
    /// <returns>Whether the item was removed.</returns>
    public static bool Remove<T>(List<T> list, T item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Remove(item);

    /// <summary>Stands in for <see cref="List{T}.RemoveAll(Predicate{T})"/>: a write.</summary>
    /// <returns>How many items were removed.</returns>
    public static int RemoveAll<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).RemoveAll(match);

    /// <summary>Stands in for <see cref="List{T}.RemoveAt(int)"/>: a write.</summary>
    public static void RemoveAt<T>(List<T> list, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).RemoveAt(index);

    /// <summary>Stands in for <see cref="List{T}.RemoveRange(int, int)"/>: a write.</summary>
    public static void RemoveRange<T>(List<T> list, int index, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).RemoveRange(index, count);

    /// <summary>Stands in for <see cref="List{T}.Reverse()"/>: a write.</summary>
    public static void Reverse<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Reverse();

    /// <summary>Stands in for <see cref="List{T}.Reverse(int, int)"/>: a write.</summary>
    public static void Reverse<T>(List<T> list, int index, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Reverse(index, count);

    /// <summary>Stands in for <see cref="List{T}.Slice(int, int)"/>: a read.</summary>
    /// <returns>A copy of the range.</returns>
    public static List<T> Slice<T>(List<T> list, int start, int length, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).Slice(start, length);

    /// <summary>Stands in for <see cref="List{T}.Sort()"/>: a write.</summary>
    public static void Sort<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Sort();

    /// <summary>Stands in for <see cref="List{T}.Sort(IComparer{T})"/>: a write.</summary>
    public static void Sort<T>(List<T> list, IComparer<T>? comparer, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Sort(comparer);

    /// <summary>Stands in for <see cref="List{T}.Sort(int, int, IComparer{T})"/>: a write.</summary>
    public static void Sort<T>(List<T> list, int index, int count, IComparer<T>? comparer, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Sort(index, count, comparer);

    /// <summary>Stands in for <see cref="List{T}.Sort(Comparison{T})"/>: a write.</summary>
    public static void Sort<T>(List<T> list, Comparison<T> comparison, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).Sort(comparison);

    /// <summary>Stands in for <see cref="List{T}.ToArray"/>: a read.</summary>
    /// <returns>A copy of the items.</returns>
    public static T[] ToArray<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).ToArray();

    /// <summary>Stands in for <see cref="List{T}.TrimExcess"/>: a write.</summary>
    public static void TrimExcess<T>(List<T> list, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Write(list, file, line).TrimExcess();

    /// <summary>Stands in for <see cref="List{T}.TrueForAll(Predicate{T})"/>: a read.</summary>
    /// <returns>Whether every item matches.</returns>
    public static bool TrueForAll<T>(List<T> list, Predicate<T> match, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        CollectionContents.Read(list, file, line).TrueForAll(match);
}
