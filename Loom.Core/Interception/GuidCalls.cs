using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Guid"/>'s random constructors: inside a Loom execution the random bits come from the
/// execution's seeded <see cref="SimRandom"/> (as <see cref="Sim.NewGuid()"/>'s do) and a version 7 GUID's time from its
/// virtual clock, so a seed gives the same GUIDs; outside, the real ones.
/// </summary>
[PassesThrough("*", "value operations, parsing and formatting: no randomness")]
[Intercepts(typeof(Guid))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GuidCalls
{
    /// <summary>Stands in for <see cref="Guid.NewGuid"/>.</summary>
    /// <returns>A version 4 GUID.</returns>
    public static Guid NewGuid([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Guid.NewGuid", file, line) is { } me ? me.Recorded(Sim.NewGuid(me.Execution.Random)) : Guid.NewGuid();

    /// <summary>Stands in for <see cref="Guid.CreateVersion7()"/>.</summary>
    /// <returns>A version 7 GUID for the current time.</returns>
    public static Guid CreateVersion7([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Guid.CreateVersion7", file, line) is { } me
            ? me.Recorded(Sim.NewGuidVersion7(me.Execution.Random, me.Execution.Clock.GetUtcNow()))
            : Guid.CreateVersion7();

    /// <summary>Stands in for <see cref="Guid.CreateVersion7(DateTimeOffset)"/>: the time is the caller's, the random bits the execution's.</summary>
    /// <returns>A version 7 GUID for <paramref name="timestamp"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is before the Unix epoch.</exception>
    public static Guid CreateVersion7(DateTimeOffset timestamp, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Guid.CreateVersion7", file, line) is { } me
            ? me.Recorded(Sim.NewGuidVersion7(me.Execution.Random, timestamp))
            : Guid.CreateVersion7(timestamp);
}
