using System.Collections.Generic;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a ConcurrentBag in one execution: which logical thread added each item. The real bag keeps its items
/// in a list per OS thread, and logical threads share pooled OS threads, so the real bag's order would depend on
/// which OS thread ran what; this model decides the order instead, the way the real bag would with one OS thread per
/// logical thread. A thread takes its own newest item first, else steals the oldest item of the first other list
/// that has one.
/// </summary>
internal sealed class BagState<T> : ModelObject
{
    /// <summary>The items, one list per thread in the order each first added; a list owned by no thread (-1) holds what the bag held before.</summary>
    private readonly List<(int Owner, List<T> Items)> _lists = new();

    public BagState(Execution execution, T[] initial)
        : base(execution, "ConcurrentBag") => Reset(initial);

    /// <summary>How many items the bag holds.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets who added what, and starts again from <paramref name="items"/> (what the real bag holds).</summary>
    public void Reset(T[] items)
    {
        _lists.Clear();
        if (items.Length > 0)
            _lists.Add((-1, new List<T>(items)));
        Count = items.Length;
    }

    /// <summary>Records <paramref name="item"/> as added by thread <paramref name="owner"/>.</summary>
    public void Add(int owner, T item)
    {
        var index = _lists.FindIndex(list => list.Owner == owner);
        if (index < 0)
        {
            _lists.Add((owner, new List<T>()));
            index = _lists.Count - 1;
        }
        _lists[index].Items.Add(item);
        Count++;
    }

    /// <summary>The item thread <paramref name="taker"/> would take (its own newest, else the oldest it would steal); removes it if <paramref name="remove"/>.</summary>
    public bool TryChoose(int taker, bool remove, out T item)
    {
        var own = _lists.FindIndex(list => list.Owner == taker && list.Items.Count > 0);
        var index = own >= 0 ? own : _lists.FindIndex(list => list.Items.Count > 0);
        if (index < 0)
        {
            item = default!;
            return false;
        }
        var items = _lists[index].Items;
        var at = own >= 0 ? items.Count - 1 : 0;
        item = items[at];
        if (remove)
        {
            items.RemoveAt(at);
            Count--;
        }
        return true;
    }

    /// <summary>Every item, list by list in the order they were first used, oldest first in each.</summary>
    public T[] Snapshot()
    {
        var all = new List<T>(Count);
        foreach (var (_, items) in _lists)
            all.AddRange(items);
        return all.ToArray();
    }
}
