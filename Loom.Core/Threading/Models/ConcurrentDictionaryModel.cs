using System;
using System.Collections.Concurrent;
using Loom.Runtime;

namespace Loom.Threading.Models;

/// <summary>
/// The steps of <c>GetOrAdd</c> and <c>AddOrUpdate</c> with factories, for the stand-ins of
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> (Loom.Interception.ConcurrentDictionaryOfTKeyTValueCalls),
/// which call the user's factory between them as .NET does: outside any atomic step, so the factory may reach
/// scheduling points and another thread may run a factory for the same key meanwhile. Each step is a scheduling
/// point on the dictionary's model and one real atomic operation (<see cref="ConcurrentCollectionModel"/>).
/// </summary>
internal static class ConcurrentDictionaryModel
{
    /// <summary>The lookup that starts both: whether the key is present, and its value.</summary>
    public static bool TryFind<TKey, TValue>(LogicalThread me, ConcurrentDictionary<TKey, TValue> dictionary, TKey key, string api, out TValue value, string? file, int line)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(me, dictionary, api, AccessKind.Read, file, line);
        var found = dictionary.TryGetValue(key, out value!);
        Blocking.Record(me, found ? "found" : "absent");
        return found;
    }

    /// <summary>GetOrAdd's second step: adds the factory's value, or returns the one another thread added since the lookup.</summary>
    public static TValue AddOrGetOther<TKey, TValue>(LogicalThread me, ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value, string? file, int line)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(me, dictionary, "ConcurrentDictionary.GetOrAdd", AccessKind.Write, file, line);
        if (dictionary.TryAdd(key, value))
        {
            Blocking.Record(me, "added");
            return value;
        }
        Blocking.Record(me, "another thread added the key first: this factory's value is dropped");
        return dictionary[key];
    }

    /// <summary>
    /// AddOrUpdate as .NET runs it: a lookup, a factory outside any atomic step, and an add or a compare-and-update
    /// that fails (and goes round again) if another thread changed the key meanwhile. The overload whose factories take
    /// an argument that may be a ref struct runs the same loop in its stand-in.
    /// </summary>
    public static TValue AddOrUpdate<TKey, TValue>(LogicalThread me, ConcurrentDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> add, Func<TKey, TValue, TValue> update, string? file, int line)
        where TKey : notnull
    {
        while (true)
        {
            if (TryFind(me, dictionary, key, "ConcurrentDictionary.AddOrUpdate", out var old, file, line))
            {
                var updated = update(key, old);
                if (TryUpdate(me, dictionary, key, updated, old, file, line))
                    return updated;
            }
            else
            {
                var value = add(key);
                if (TryAdd(me, dictionary, key, value, file, line))
                    return value;
            }
        }
    }

    /// <summary>AddOrUpdate's add: fails if another thread added the key since the lookup.</summary>
    public static bool TryAdd<TKey, TValue>(LogicalThread me, ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value, string? file, int line)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(me, dictionary, "ConcurrentDictionary.AddOrUpdate", AccessKind.Write, file, line);
        var added = dictionary.TryAdd(key, value);
        Blocking.Record(me, added ? "added" : "another thread added the key first: tries again");
        return added;
    }

    /// <summary>AddOrUpdate's update: fails if the key's value is no longer the one the update factory was given.</summary>
    public static bool TryUpdate<TKey, TValue>(LogicalThread me, ConcurrentDictionary<TKey, TValue> dictionary, TKey key, TValue value, TValue seen, string? file, int line)
        where TKey : notnull
    {
        ConcurrentCollectionModel.Step(me, dictionary, "ConcurrentDictionary.AddOrUpdate", AccessKind.Write, file, line);
        var updated = dictionary.TryUpdate(key, value, seen);
        Blocking.Record(me, updated ? "updated" : "another thread changed the key first: tries again");
        return updated;
    }
}
