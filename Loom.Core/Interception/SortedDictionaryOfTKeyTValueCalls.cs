using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="SortedDictionary{TKey, TValue}"/>: inside a Loom execution each operation is first a read
/// or a write of the dictionary's contents (<see cref="CollectionContents"/>), then the real member, whole; outside one
/// it is the real member.
/// </summary>
[PassesThrough("New", "a new dictionary is seen by its creator only, until it is published")]
[PassesThrough("get_Comparer", PassThroughReasons.FixedAtConstruction)]
[Intercepts(typeof(SortedDictionary<,>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SortedDictionaryOfTKeyTValueCalls
{
    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.this[TKey]"/>'s getter: a read.</summary>
    /// <returns>The value of <paramref name="key"/>.</returns>
    public static TValue get_Item<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line)[key];

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.this[TKey]"/>'s setter: a write.</summary>
    public static void set_Item<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line)[key] = value;

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.Count"/>: a read.</summary>
    /// <returns>How many pairs the dictionary holds.</returns>
    public static int get_Count<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Count;

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.Keys"/>: a read when the view is taken (reads through the view are not tracked).</summary>
    /// <returns>The keys' view.</returns>
    public static SortedDictionary<TKey, TValue>.KeyCollection get_Keys<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Keys;

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.Values"/>: a read when the view is taken (reads through the view are not tracked).</summary>
    /// <returns>The values' view.</returns>
    public static SortedDictionary<TKey, TValue>.ValueCollection get_Values<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Values;

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.Add(TKey, TValue)"/>: a write.</summary>
    public static void Add<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Add(key, value);

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.Clear"/>: a write.</summary>
    public static void Clear<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Clear();

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.ContainsKey(TKey)"/>: a read.</summary>
    /// <returns>Whether the dictionary holds <paramref name="key"/>.</returns>
    public static bool ContainsKey<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).ContainsKey(key);

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.ContainsValue(TValue)"/>: a read.</summary>
    /// <returns>Whether the dictionary holds <paramref name="value"/>.</returns>
    public static bool ContainsValue<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).ContainsValue(value);

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.CopyTo(KeyValuePair{TKey, TValue}[], int)"/>: a read.</summary>
    public static void CopyTo<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, KeyValuePair<TKey, TValue>[] array, int index, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).CopyTo(array, index);

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static SortedDictionary<TKey, TValue>.Enumerator GetEnumerator<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.Remove(TKey)"/>: a write.</summary>
    /// <returns>Whether the key was removed.</returns>
    public static bool Remove<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Remove(key);

    /// <summary>Stands in for <see cref="SortedDictionary{TKey, TValue}.TryGetValue(TKey, out TValue)"/>: a read.</summary>
    /// <returns>Whether the dictionary holds <paramref name="key"/>.</returns>
    public static bool TryGetValue<TKey, TValue>(SortedDictionary<TKey, TValue> dictionary, TKey key, [MaybeNullWhen(false)] out TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).TryGetValue(key, out value);
}
