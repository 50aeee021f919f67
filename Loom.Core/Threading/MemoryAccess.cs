using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Threading;

/// <summary>The scheduling point shared by every mirror member that touches memory by reference (Interlocked, Volatile).</summary>
internal static class MemoryAccess
{
    /// <summary>Waits until the strategy lets <paramref name="thread"/> perform the access; returns the location's model.</summary>
    public static MemoryLocation Schedule<T>(LogicalThread thread, string api, AccessKind access, ref T location, string? name, string? file, int line, OperationFlags flags = OperationFlags.None)
    {
        var target = thread.Execution.LocationOf(thread, ref location, TypeNames.Of<T>(), name);
        thread.Execution.Schedule(thread, new Operation(api, access, target, file, line, flags));
        if (target.Shared is { } shared)
            thread.Execution.Shared.Ordered(thread, shared, access == AccessKind.Write, file, line);
        return target;
    }

    /// <summary>A fence or other operation with no memory target.</summary>
    public static void Schedule(LogicalThread thread, string api, string? file, int line) =>
        thread.Execution.Schedule(thread, new Operation(api, AccessKind.None, null, file, line));

    /// <summary>A full fence: a scheduling point, then the memory model's fence.</summary>
    public static void Fence(LogicalThread thread, string api, string? file, int line)
    {
        Schedule(thread, api, file, line);
        thread.Execution.Memory.Fence(thread);
    }

    /// <summary>
    /// A load with the given ordering: a scheduling point, then the value the memory model gives it (which, for
    /// a plain or volatile load, may be an older store than real memory holds).
    /// </summary>
    public static T Load<T>(LogicalThread thread, string api, ref T location, MemoryOrder order, string? name, string? file, int line, bool raceChecked = false)
    {
        var weak = order != MemoryOrder.SequentiallyConsistent && thread.Execution.Memory.Weak;
        var target = Schedule(thread, api, AccessKind.Read, ref location, name, file, line, weak ? OperationFlags.WeakLoad : OperationFlags.None);
        if (raceChecked)
            target.Races ??= new RaceState();
        return Result(thread, thread.Execution.Memory.Load(thread, target, location, order, file, line));
    }

    /// <summary>A store with the given ordering: a scheduling point, the memory model's store, and the real write.</summary>
    public static void Store<T>(LogicalThread thread, string api, ref T location, T value, MemoryOrder order, string? name, string? file, int line, bool raceChecked = false)
    {
        var target = Schedule(thread, api, AccessKind.Write, ref location, name, file, line);
        if (raceChecked)
            target.Races ??= new RaceState();
        thread.Execution.Memory.Store(thread, target, location, value, order, file, line);
        // Only one logical thread runs at a time and every handoff is a full fence, so a plain write is enough.
        location = value;
        thread.Execution.RecordValue(thread, value);
    }

    /// <summary>
    /// Completes an Interlocked read-modify-write the caller performed on real memory (which held
    /// <paramref name="previous"/> and now holds <paramref name="after"/>): the memory model's fences and store.
    /// </summary>
    public static TResult ReadModifyWrite<T, TResult>(LogicalThread thread, MemoryLocation target, T previous, T after, TResult result, bool wrote)
    {
        thread.Execution.Memory.ReadModifyWrite(thread, target, previous, after, wrote);
        return Result(thread, result);
    }

    /// <summary>Whether a compare-exchange that returned <paramref name="result"/> for <paramref name="comparand"/> stored.</summary>
    public static bool Exchanged<T>(T result, T comparand) =>
        typeof(T).IsValueType ? Equals(result, comparand) : ReferenceEquals(result, comparand);

    /// <summary>Records the operation's result in the trace and returns it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Result<T>(LogicalThread thread, T value)
    {
        thread.Execution.RecordValue(thread, value);
        return value;
    }
}
