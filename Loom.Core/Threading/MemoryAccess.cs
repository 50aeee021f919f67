using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Threading;

/// <summary>The scheduling point shared by every mirror member that touches memory by reference (Interlocked, Volatile).</summary>
internal static class MemoryAccess
{
    /// <summary>Waits until the strategy lets <paramref name="thread"/> perform the access.</summary>
    public static void Schedule<T>(LogicalThread thread, string api, AccessKind access, ref T location, string? name, string? file, int line)
    {
        var target = thread.Execution.LocationOf(ref location, TypeName<T>.Value, name);
        thread.Execution.Schedule(thread, new Operation(api, access, target, file, line));
    }

    /// <summary>A fence or other operation with no memory target.</summary>
    public static void Schedule(LogicalThread thread, string api, string? file, int line) =>
        thread.Execution.Schedule(thread, new Operation(api, AccessKind.None, null, file, line));

    /// <summary>Records the operation's result in the trace and returns it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Result<T>(LogicalThread thread, T value)
    {
        thread.Execution.RecordValue(thread, value);
        return value;
    }

    private static class TypeName<T>
    {
        public static readonly string Value = typeof(T) switch
        {
            var t when t == typeof(int) => "int",
            var t when t == typeof(long) => "long",
            var t when t == typeof(uint) => "uint",
            var t when t == typeof(ulong) => "ulong",
            var t when t == typeof(short) => "short",
            var t when t == typeof(ushort) => "ushort",
            var t when t == typeof(byte) => "byte",
            var t when t == typeof(sbyte) => "sbyte",
            var t when t == typeof(bool) => "bool",
            var t when t == typeof(float) => "float",
            var t when t == typeof(double) => "double",
            var t when t == typeof(nint) => "nint",
            var t when t == typeof(nuint) => "nuint",
            var t when t == typeof(object) => "object",
            var t => t.Name,
        };
    }
}
