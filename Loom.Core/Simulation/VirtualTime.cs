using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// Where rewritten code reads the time or draws randomness (the stand-ins for <c>DateTime.UtcNow</c>,
/// <c>Stopwatch</c>, <c>Environment.TickCount</c>, <c>Random.Shared</c>, <c>Guid.NewGuid</c>): inside an execution
/// each read is a step of its own, named after the API and located at the call, so the trace and loom-coverage show
/// it and its value; it runs during teardown too (a timestamp in a finally block).
/// </summary>
internal static class VirtualTime
{
    /// <summary>The thread reading, after the read's scheduling point; <see langword="null"/> outside an execution (read the real source).</summary>
    public static LogicalThread? Read(string api, string? file, int line)
    {
        if (LoomRuntime.Controlled(api, file, line) is not { } me)
            return null;
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line, OperationFlags.RunsDuringAbort));
        return me;
    }

    /// <summary>Attaches what the read returned to its step in the trace, and returns it.</summary>
    public static T Recorded<T>(this LogicalThread me, T value)
    {
        me.Execution.RecordValue(me, value);
        return value;
    }
}
