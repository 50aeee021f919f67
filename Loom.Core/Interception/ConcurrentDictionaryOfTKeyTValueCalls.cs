using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ConcurrentDictionary{TKey, TValue}"/>, on the real dictionaries: inside a Loom execution
/// every operation is a scheduling point on the dictionary's model, then the real operation, which is atomic
/// (<see cref="ConcurrentCollectionModel"/>). <c>GetOrAdd</c> and <c>AddOrUpdate</c> with factories run them outside
/// the atomic steps, as .NET does (<see cref="ConcurrentDictionaryModel"/>): a factory can run on several threads
/// for one key, and only one result is stored. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", "makes an empty or filled dictionary that no other thread can see yet")]
[PassesThrough("get_Comparer", PassThroughReasons.FixedAtConstruction)]
[NotInterceptedYet("GetAlternateLookup", AlternateLookup)]
[NotInterceptedYet("TryGetAlternateLookup", AlternateLookup)]
[Intercepts(typeof(ConcurrentDictionary<,>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConcurrentDictionaryOfTKeyTValueCalls
{
    private const string GetOrAddApi = "ConcurrentDictionary.GetOrAdd";
    private const string AddOrUpdateApi = "ConcurrentDictionary.AddOrUpdate";
    private const string AlternateLookup = "the lookup's operations are the real dictionary's, atomic but not scheduling points: their races with other threads are not explored";

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.TryAdd"/>: adds the pair if the key is absent.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the pair was added.</returns>
    public static bool TryAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.TryAdd", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.TryAdd(key, value));
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.ContainsKey"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the key is present.</returns>
    public static bool ContainsKey<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.ContainsKey", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.ContainsKey(key));
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.TryRemove(TKey, out TValue)"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The removed value, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the key was removed.</returns>
    public static bool TryRemove<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, [MaybeNullWhen(false)] out TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.TryRemove", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.TryRemove(key, out value));
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.TryRemove(KeyValuePair{TKey, TValue})"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="item">The pair to remove if the key has that value.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the pair was removed.</returns>
    public static bool TryRemove<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, KeyValuePair<TKey, TValue> item, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.TryRemove", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.TryRemove(item));
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.TryGetValue"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or the default.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the key is present.</returns>
    public static bool TryGetValue<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, [MaybeNullWhen(false)] out TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.TryGetValue", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.TryGetValue(key, out value));
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.TryUpdate"/>: replaces the value if it equals <paramref name="comparisonValue"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="newValue">The new value.</param>
    /// <param name="comparisonValue">The value the key must have.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the value was replaced.</returns>
    public static bool TryUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue newValue, TValue comparisonValue, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.TryUpdate", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.TryUpdate(key, newValue, comparisonValue));
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.Clear"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Clear<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.Clear", AccessKind.Write, file, line);
        dictionary.Clear();
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.ToArray"/>: a snapshot.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The pairs.</returns>
    public static KeyValuePair<TKey, TValue>[] ToArray<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.ToArray", AccessKind.Read, file, line);
        return dictionary.ToArray();
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.GetEnumerator"/>: a scheduling point, then the real enumerator, which is not a snapshot: its moves are not scheduling points and see what other threads changed meanwhile.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The enumerator.</returns>
    public static IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.GetEnumerator", AccessKind.Read, file, line);
        return dictionary.GetEnumerator();
    }

    /// <summary>Stands in for the getter of <see cref="ConcurrentDictionary{TKey, TValue}.this[TKey]"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static TValue get_Item<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.this[]", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary[key]);
    }

    /// <summary>Stands in for the setter of <see cref="ConcurrentDictionary{TKey, TValue}.this[TKey]"/>: adds or replaces.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void set_Item<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.this[]", AccessKind.Write, file, line);
        dictionary[key] = value;
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.Count"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>How many pairs it holds.</returns>
    public static int get_Count<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.Count", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.Count);
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.IsEmpty"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether it holds no pair.</returns>
    public static bool get_IsEmpty<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.IsEmpty", AccessKind.Read, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.IsEmpty);
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.Keys"/>: a snapshot.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The keys.</returns>
    public static ICollection<TKey> get_Keys<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.Keys", AccessKind.Read, file, line);
        return dictionary.Keys;
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.Values"/>: a snapshot.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The values.</returns>
    public static ICollection<TValue> get_Values<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.Values", AccessKind.Read, file, line);
        return dictionary.Values;
    }

    /// <summary>Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd(TKey, TValue)"/>: one atomic step.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value to add if the key is absent.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value in the dictionary.</returns>
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        var me = ConcurrentCollectionModel.Step(dictionary, "ConcurrentDictionary.GetOrAdd", AccessKind.Write, file, line);
        return ConcurrentCollectionModel.Result(me, dictionary.GetOrAdd(key, value));
    }


    /// <summary>
    /// Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd(TKey, Func{TKey, TValue})"/>: looks the key
    /// up, runs the factory if it is absent (outside any atomic step: it may reach scheduling points, and another
    /// thread may run it too), then adds its value unless another thread added one first, whose value it returns.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="valueFactory">Makes the value for an absent key.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value in the dictionary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="valueFactory"/> is <see langword="null"/>.</exception>
    public static TValue GetOrAdd<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> valueFactory, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        if (LoomRuntime.Controlled(GetOrAddApi, file, line) is not { } me)
            return dictionary.GetOrAdd(key, valueFactory);
        Validate(dictionary, key, valueFactory);
        return ConcurrentDictionaryModel.TryFind(me, dictionary, key, GetOrAddApi, out var found, file, line)
            ? found
            : ConcurrentDictionaryModel.AddOrGetOther(me, dictionary, key, valueFactory(key), file, line);
    }

    /// <summary>
    /// Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.GetOrAdd{TArg}(TKey, Func{TKey, TArg, TValue}, TArg)"/>;
    /// see <see cref="GetOrAdd{TKey, TValue}(ConcurrentDictionary{TKey, TValue}, TKey, Func{TKey, TValue}, string?, int)"/>.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TArg">The factory's argument type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="valueFactory">Makes the value for an absent key.</param>
    /// <param name="factoryArgument">Passed to the factory.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value in the dictionary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="valueFactory"/> is <see langword="null"/>.</exception>
    public static TValue GetOrAdd<TKey, TValue, TArg>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TArg, TValue> valueFactory, TArg factoryArgument, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
        where TArg : allows ref struct
    {
        if (LoomRuntime.Controlled(GetOrAddApi, file, line) is not { } me)
            return dictionary.GetOrAdd(key, valueFactory, factoryArgument);
        Validate(dictionary, key, valueFactory);
        return ConcurrentDictionaryModel.TryFind(me, dictionary, key, GetOrAddApi, out var found, file, line)
            ? found
            : ConcurrentDictionaryModel.AddOrGetOther(me, dictionary, key, valueFactory(key, factoryArgument), file, line);
    }

    /// <summary>
    /// Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.AddOrUpdate(TKey, Func{TKey, TValue}, Func{TKey, TValue, TValue})"/>:
    /// as .NET does, a loop of a lookup, a factory outside any atomic step, and an add or a compare-and-update that
    /// fails (and goes round again) if another thread changed the key meanwhile (<see cref="ConcurrentDictionaryModel.AddOrUpdate"/>).
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="addValueFactory">Makes the value for an absent key.</param>
    /// <param name="updateValueFactory">Makes the new value from the key's value.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value stored.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> addValueFactory, Func<TKey, TValue, TValue> updateValueFactory, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        if (LoomRuntime.Controlled(AddOrUpdateApi, file, line) is not { } me)
            return dictionary.AddOrUpdate(key, addValueFactory, updateValueFactory);
        Validate(dictionary, key, addValueFactory);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        return ConcurrentDictionaryModel.AddOrUpdate(me, dictionary, key, addValueFactory, updateValueFactory, file, line);
    }

    /// <summary>
    /// Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.AddOrUpdate{TArg}(TKey, Func{TKey, TArg, TValue}, Func{TKey, TValue, TArg, TValue}, TArg)"/>;
    /// see <see cref="AddOrUpdate{TKey, TValue}(ConcurrentDictionary{TKey, TValue}, TKey, Func{TKey, TValue}, Func{TKey, TValue, TValue}, string?, int)"/>.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TArg">The factories' argument type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="addValueFactory">Makes the value for an absent key.</param>
    /// <param name="updateValueFactory">Makes the new value from the key's value.</param>
    /// <param name="factoryArgument">Passed to the factories.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value stored.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static TValue AddOrUpdate<TKey, TValue, TArg>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TArg, TValue> addValueFactory, Func<TKey, TValue, TArg, TValue> updateValueFactory, TArg factoryArgument, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
        where TArg : allows ref struct
    {
        if (LoomRuntime.Controlled(AddOrUpdateApi, file, line) is not { } me)
            return dictionary.AddOrUpdate(key, addValueFactory, updateValueFactory, factoryArgument);
        Validate(dictionary, key, addValueFactory);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        while (true)
        {
            if (ConcurrentDictionaryModel.TryFind(me, dictionary, key, AddOrUpdateApi, out var old, file, line))
            {
                var updated = updateValueFactory(key, old, factoryArgument);
                if (ConcurrentDictionaryModel.TryUpdate(me, dictionary, key, updated, old, file, line))
                    return updated;
            }
            else
            {
                var value = addValueFactory(key, factoryArgument);
                if (ConcurrentDictionaryModel.TryAdd(me, dictionary, key, value, file, line))
                    return value;
            }
        }
    }

    /// <summary>
    /// Stands in for <see cref="ConcurrentDictionary{TKey, TValue}.AddOrUpdate(TKey, TValue, Func{TKey, TValue, TValue})"/>;
    /// see <see cref="AddOrUpdate{TKey, TValue}(ConcurrentDictionary{TKey, TValue}, TKey, Func{TKey, TValue}, Func{TKey, TValue, TValue}, string?, int)"/>.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="dictionary">The dictionary.</param>
    /// <param name="key">The key.</param>
    /// <param name="addValue">The value for an absent key.</param>
    /// <param name="updateValueFactory">Makes the new value from the key's value.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value stored.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static TValue AddOrUpdate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
        where TKey : notnull
    {
        if (LoomRuntime.Controlled(AddOrUpdateApi, file, line) is not { } me)
            return dictionary.AddOrUpdate(key, addValue, updateValueFactory);
        Validate(dictionary, key, updateValueFactory);
        return ConcurrentDictionaryModel.AddOrUpdate(me, dictionary, key, _ => addValue, updateValueFactory, file, line);
    }

    private static void Validate<TKey, TValue>(ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Delegate factory, [CallerArgumentExpression(nameof(factory))] string? factoryName = null)
        where TKey : notnull
    {
        StandIn.NotNull(dictionary);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory, factoryName);
    }
}
