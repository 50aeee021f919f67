using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Stopwatch"/>'s members. Inside a Loom execution a stopwatch measures the execution's
/// virtual time: the real <see cref="Stopwatch"/> object is kept (rewritten and unrewritten code pass the same one)
/// and a twin, found from it, does the measuring on virtual timestamps. Timestamps stay in
/// <see cref="Stopwatch.Frequency"/> units (a field the rewriter leaves alone), from a virtual uptime of a day at
/// the execution's start. A stopwatch made outside an execution and used inside one carries on from what it had
/// measured; one made inside an execution keeps its virtual reading afterwards. Reads are steps of the trace.
/// </summary>
[PassesThrough("GetElapsedTime(System.Int64,System.Int64)", PassThroughReasons.TimestampArithmetic)]
[Intercepts(typeof(Stopwatch))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StopwatchCalls
{
    /// <summary>The virtual twin of each real stopwatch used inside an execution.</summary>
    private static readonly ConditionalWeakTable<Stopwatch, SimStopwatch> s_twins = new();

    /// <summary>Whether any stopwatch was ever used inside an execution: until then no call looks for a twin.</summary>
    private static volatile bool s_anyTwins;

    /// <summary>Stands in for <see cref="Stopwatch()"/>.</summary>
    /// <returns>A stopwatch that is not running.</returns>
    public static Stopwatch New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var stopwatch = new Stopwatch();
        if (LoomRuntime.Controlled("new Stopwatch", file, line) is { } me)
            Add(stopwatch, new SimStopwatch(me.Execution.Clock));
        return stopwatch;
    }

    /// <summary>Stands in for <see cref="Stopwatch.StartNew"/>.</summary>
    /// <returns>A running stopwatch.</returns>
    public static Stopwatch StartNew([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (VirtualTime.Read("Stopwatch.StartNew", file, line) is not { } me)
            return Stopwatch.StartNew();
        var stopwatch = new Stopwatch();
        var twin = new SimStopwatch(me.Execution.Clock);
        twin.Start();
        Add(stopwatch, twin);
        return stopwatch;
    }

    /// <summary>Stands in for <see cref="Stopwatch.GetTimestamp"/>: inside an execution, the virtual uptime in <see cref="Stopwatch.Frequency"/> units.</summary>
    /// <returns>The timestamp.</returns>
    public static long GetTimestamp([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Stopwatch.GetTimestamp", file, line) is { } me ? me.Recorded(me.Execution.Clock.StopwatchTimestamp) : Stopwatch.GetTimestamp();

    /// <summary>Stands in for <see cref="Stopwatch.GetElapsedTime(long)"/>.</summary>
    /// <returns>The time since <paramref name="startingTimestamp"/>.</returns>
    public static TimeSpan GetElapsedTime(long startingTimestamp, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Stopwatch.GetElapsedTime", file, line) is { } me
            ? me.Recorded(Stopwatch.GetElapsedTime(startingTimestamp, me.Execution.Clock.StopwatchTimestamp))
            : Stopwatch.GetElapsedTime(startingTimestamp);

    /// <summary>Stands in for <see cref="Stopwatch.Start"/>.</summary>
    public static void Start(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(stopwatch, "Stopwatch.Start", file, line) is { } twin)
            twin.Start();
        else
            stopwatch.Start();
    }

    /// <summary>Stands in for <see cref="Stopwatch.Stop"/>.</summary>
    public static void Stop(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(stopwatch, "Stopwatch.Stop", file, line) is { } twin)
            twin.Stop();
        else
            stopwatch.Stop();
    }

    /// <summary>Stands in for <see cref="Stopwatch.Reset"/>.</summary>
    public static void Reset(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(stopwatch, "Stopwatch.Reset", file, line) is { } twin)
            twin.Reset();
        else
            stopwatch.Reset();
    }

    /// <summary>Stands in for <see cref="Stopwatch.Restart"/>.</summary>
    public static void Restart(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(stopwatch, "Stopwatch.Restart", file, line) is { } twin)
            twin.Restart();
        else
            stopwatch.Restart();
    }

    /// <summary>Stands in for <see cref="Stopwatch.IsRunning"/>.</summary>
    /// <returns>Whether the stopwatch runs.</returns>
    public static bool get_IsRunning(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TwinOf(stopwatch, "Stopwatch.IsRunning", file, line) is { } twin ? twin.IsRunning : stopwatch.IsRunning;

    /// <summary>Stands in for <see cref="Stopwatch.ElapsedTicks"/>.</summary>
    /// <returns>The elapsed time in <see cref="Stopwatch.Frequency"/> units.</returns>
    public static long get_ElapsedTicks(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TwinOf(stopwatch, "Stopwatch.ElapsedTicks", file, line) is { } twin ? Recorded(twin.ElapsedTicks) : stopwatch.ElapsedTicks;

    /// <summary>Stands in for <see cref="Stopwatch.Elapsed"/>.</summary>
    /// <returns>The elapsed time.</returns>
    public static TimeSpan get_Elapsed(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TwinOf(stopwatch, "Stopwatch.Elapsed", file, line) is { } twin ? Recorded(Elapsed(twin)) : stopwatch.Elapsed;

    /// <summary>Stands in for <see cref="Stopwatch.ElapsedMilliseconds"/>.</summary>
    /// <returns>The elapsed time in whole milliseconds.</returns>
    public static long get_ElapsedMilliseconds(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TwinOf(stopwatch, "Stopwatch.ElapsedMilliseconds", file, line) is { } twin ? Recorded(Elapsed(twin).Ticks / TimeSpan.TicksPerMillisecond) : stopwatch.ElapsedMilliseconds;

    /// <summary>Stands in for <see cref="Stopwatch.ToString"/>.</summary>
    /// <returns>The elapsed time as text.</returns>
    public static string ToString(Stopwatch stopwatch, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TwinOf(stopwatch, "Stopwatch.ToString", file, line) is { } twin ? Elapsed(twin).ToString() : stopwatch.ToString();

    /// <summary>The elapsed time as the real stopwatch converts it: the same arithmetic, from the same units.</summary>
    private static TimeSpan Elapsed(SimStopwatch twin) => Stopwatch.GetElapsedTime(0, twin.ElapsedTicks);

    private static T Recorded<T>(T value) =>
        LogicalThread.Current is { } me && LoomRuntime.AnyActive ? me.Recorded(value) : value;

    private static void Add(Stopwatch stopwatch, SimStopwatch twin)
    {
        s_twins.AddOrUpdate(stopwatch, twin);
        s_anyTwins = true;
    }

    /// <summary>
    /// The twin that measures <paramref name="stopwatch"/>, after the call's step inside an execution (made there if it
    /// had none, or one of an earlier execution: it carries on from the reading so far); <see langword="null"/> for a
    /// stopwatch never used inside an execution, called outside one, or for <see langword="null"/> (use the real stopwatch).
    /// </summary>
    private static SimStopwatch? TwinOf(Stopwatch stopwatch, string api, string? file, int line)
    {
        if (stopwatch is null)
            return null; // the real call throws NullReferenceException, as the call site would
        var known = s_anyTwins && s_twins.TryGetValue(stopwatch, out var existing) ? existing : null;
        if (VirtualTime.Read(api, file, line) is not { } me)
            return known;
        if (known?.Clock == me.Execution.Clock)
            return known;
        var twin = known is null
            ? new SimStopwatch(me.Execution.Clock, stopwatch.ElapsedTicks, stopwatch.IsRunning)
            : new SimStopwatch(me.Execution.Clock, known.ElapsedTicks, known.IsRunning);
        Add(stopwatch, twin);
        return twin;
    }
}
