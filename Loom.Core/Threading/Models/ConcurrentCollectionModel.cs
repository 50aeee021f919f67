using Loom.Interception;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The scheduling point every operation of a concurrent collection takes before the real operation runs, for the
/// collections whose contents stay in the real object (their stand-ins: Loom.Interception.ConcurrentDictionaryOfTKeyTValueCalls,
/// ConcurrentQueueOfTCalls, ConcurrentStackOfTCalls). The real operation is atomic and never waits, and only one
/// logical thread runs at a time, so running it right after the scheduling point makes each operation one
/// linearizable step. The contents are the real object's: rewritten and unrewritten code see the same items, and a
/// collection made outside an execution keeps what one execution left in it for the next.
/// </summary>
internal static class ConcurrentCollectionModel
{
    /// <summary>
    /// Outside an execution, <see langword="null"/>; inside, takes the scheduling point on the collection's model and
    /// returns the calling thread.
    /// </summary>
    /// <exception cref="System.NullReferenceException">Inside an execution, <paramref name="collection"/> is <see langword="null"/>.</exception>
    public static LogicalThread? Step(object? collection, string api, AccessKind access, string? file, int line)
    {
        if (LoomRuntime.Controlled(api, file, line) is not { } me)
            return null;
        Step(me, StandIn.NotNull(collection), api, access, file, line);
        return me;
    }

    /// <summary>The scheduling point of an operation on <paramref name="collection"/> by <paramref name="me"/>.</summary>
    public static void Step(LogicalThread me, object collection, string api, AccessKind access, string? file, int line)
    {
        var state = me.Execution.ModelOf(collection, static (execution, key) => new CollectionState(execution, KindOf(key)));
        Blocking.Step(me, state, api, access, file, line);
    }

    /// <summary>Records <paramref name="result"/> in the trace when the operation ran inside an execution, and returns it.</summary>
    public static T Result<T>(LogicalThread? me, T result)
    {
        if (me is not null)
            me.Execution.RecordValue(me, result);
        return result;
    }

    private static string KindOf(object collection) => collection.GetType().Name.Split('`')[0];
}
