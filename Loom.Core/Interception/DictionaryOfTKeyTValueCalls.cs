using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="Dictionary{TKey, TValue}"/>: inside a Loom execution each operation is first a read or a
/// write of the dictionary's contents, tracked like a field (<see cref="CollectionContents"/>), so two threads using
/// one dictionary without a lock race, and once they do its operations are scheduling points. The operation itself is
/// the real one, whole: each stand-in then calls the real member, and throws what it throws, inside an execution and
/// out. Enumeration is a read when it starts (<c>GetEnumerator</c>); the enumerator's <c>MoveNext</c> is not tracked
/// (docs/rewriting.md, "Ordinary collections").
/// </summary>
[PassesThrough("New", "a new dictionary is seen by its creator only, until it is published")]
[PassesThrough("get_Comparer", PassThroughReasons.FixedAtConstruction)]
[NotInterceptedYet("GetAlternateLookup", "the lookup's operations read and write the dictionary without race tracking")]
[NotInterceptedYet("TryGetAlternateLookup", "the lookup's operations read and write the dictionary without race tracking")]
[NotInterceptedYet("GetObjectData", "legacy serialization reads the contents without race tracking")]
[NotInterceptedYet("OnDeserialization", "legacy serialization fills the contents without race tracking")]
[Intercepts(typeof(Dictionary<,>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DictionaryOfTKeyTValueCalls
{
    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.this[TKey]"/>'s getter: a read.</summary>
    /// <returns>The value of <paramref name="key"/>.</returns>
    public static TValue get_Item<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line)[key];

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.this[TKey]"/>'s setter: a write.</summary>
    public static void set_Item<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line)[key] = value;

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Count"/>: a read.</summary>
    /// <returns>How many pairs the dictionary holds.</returns>
    public static int get_Count<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Count;

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Capacity"/>: a read.</summary>
    /// <returns>How many pairs it holds without growing.</returns>
    public static int get_Capacity<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Capacity;

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Keys"/>: a read when the view is taken (reads through the view are not tracked).</summary>
    /// <returns>The keys' view.</returns>
    public static Dictionary<TKey, TValue>.KeyCollection get_Keys<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Keys;

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Values"/>: a read when the view is taken (reads through the view are not tracked).</summary>
    /// <returns>The values' view.</returns>
    public static Dictionary<TKey, TValue>.ValueCollection get_Values<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).Values;

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Add(TKey, TValue)"/>: a write.</summary>
    public static void Add<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Add(key, value);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.TryAdd(TKey, TValue)"/>: a write.</summary>
    /// <returns>Whether the pair was added.</returns>
    public static bool TryAdd<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).TryAdd(key, value);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Clear"/>: a write.</summary>
    public static void Clear<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Clear();

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.ContainsKey(TKey)"/>: a read.</summary>
    /// <returns>Whether the dictionary holds <paramref name="key"/>.</returns>
    public static bool ContainsKey<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).ContainsKey(key);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.ContainsValue(TValue)"/>: a read.</summary>
    /// <returns>Whether the dictionary holds <paramref name="value"/>.</returns>
    public static bool ContainsValue<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).ContainsValue(value);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.EnsureCapacity(int)"/>: a write (it may grow the table).</summary>
    /// <returns>The capacity.</returns>
    public static int EnsureCapacity<TKey, TValue>(Dictionary<TKey, TValue> dictionary, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).EnsureCapacity(capacity);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.GetEnumerator"/>: a read when the enumeration starts.</summary>
    /// <returns>The enumerator.</returns>
    public static Dictionary<TKey, TValue>.Enumerator GetEnumerator<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).GetEnumerator();

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Remove(TKey)"/>: a write.</summary>
    /// <returns>Whether the key was removed.</returns>
    public static bool Remove<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Remove(key);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.Remove(TKey, out TValue)"/>: a write.</summary>
    /// <returns>Whether the key was removed.</returns>
    public static bool Remove<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, [MaybeNullWhen(false)] out TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).Remove(key, out value);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.TrimExcess()"/>: a write.</summary>
    public static void TrimExcess<TKey, TValue>(Dictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).TrimExcess();

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.TrimExcess(int)"/>: a write.</summary>
    public static void TrimExcess<TKey, TValue>(Dictionary<TKey, TValue> dictionary, int capacity, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Write(dictionary, file, line).TrimExcess(capacity);

    /// <summary>Stands in for <see cref="Dictionary{TKey, TValue}.TryGetValue(TKey, out TValue)"/>: a read.</summary>
    /// <returns>Whether the dictionary holds <paramref name="key"/>.</returns>
    public static bool TryGetValue<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, [MaybeNullWhen(false)] out TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull =>
        CollectionContents.Read(dictionary, file, line).TryGetValue(key, out value);
}
