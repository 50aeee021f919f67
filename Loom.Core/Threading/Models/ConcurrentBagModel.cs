using System.Collections.Concurrent;
using System.Collections.Generic;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="ConcurrentBag{T}"/>, for its stand-ins (Loom.Interception.ConcurrentBagOfTCalls): every
/// operation is a scheduling point on the bag's <see cref="BagState{T}"/>, which decides which item a take returns
/// and in which order a snapshot lists them, so that the same schedule gives the same items on every run. The real
/// bag holds the same items (rewritten and unrewritten code share it): an add adds to it, and a take removes the
/// item the model chose. If code Loom does not see changed the real bag, the model starts again from its items.
/// </summary>
internal static class ConcurrentBagModel
{
    public static void Add<T>(LogicalThread me, ConcurrentBag<T> real, T item, string? file, int line)
    {
        var state = Step(me, real, "ConcurrentBag.Add", AccessKind.Write, file, line);
        real.Add(item);
        state.Add(me.Number, item);
    }

    public static bool TryTake<T>(LogicalThread me, ConcurrentBag<T> real, out T result, string? file, int line)
    {
        var state = Step(me, real, "ConcurrentBag.TryTake", AccessKind.Write, file, line);
        if (!state.TryChoose(me.Number, remove: true, out result))
            return MemoryAccess.Result(me, false);
        RemoveFromReal(real, result);
        me.Execution.RecordValue(me, result);
        return true;
    }

    public static bool TryPeek<T>(LogicalThread me, ConcurrentBag<T> real, out T result, string? file, int line) =>
        MemoryAccess.Result(me, Step(me, real, "ConcurrentBag.TryPeek", AccessKind.Read, file, line).TryChoose(me.Number, remove: false, out result));

    /// <summary>A read of the whole bag (Count, IsEmpty, ToArray, CopyTo, GetEnumerator): the items in the model's order.</summary>
    public static T[] Snapshot<T>(LogicalThread me, ConcurrentBag<T> real, string api, string? file, int line) =>
        Step(me, real, api, AccessKind.Read, file, line).Snapshot();

    public static void Clear<T>(LogicalThread me, ConcurrentBag<T> real, string? file, int line)
    {
        var state = Step(me, real, "ConcurrentBag.Clear", AccessKind.Write, file, line);
        real.Clear();
        state.Reset([]);
    }

    /// <summary>The scheduling point; then the bag's model, made again from the real bag if something else changed it.</summary>
    private static BagState<T> Step<T>(LogicalThread me, ConcurrentBag<T> real, string api, AccessKind access, string? file, int line)
    {
        var state = me.Execution.ModelOf(real, static (execution, key) => new BagState<T>(execution, ((ConcurrentBag<T>)key).ToArray()));
        Blocking.Step(me, state, api, access, file, line);
        if (state.Count != real.Count)
            state.Reset(real.ToArray());
        return state;
    }

    /// <summary>Removes one item equal to <paramref name="item"/> from the real bag: the bag cannot remove a given item, so it is emptied and refilled.</summary>
    private static void RemoveFromReal<T>(ConcurrentBag<T> real, T item)
    {
        var rest = new List<T>();
        while (real.TryTake(out var next))
            rest.Add(next);
        var index = rest.FindIndex(other => EqualityComparer<T>.Default.Equals(other, item));
        if (index >= 0)
            rest.RemoveAt(index);
        foreach (var other in rest)
            real.Add(other);
    }
}
