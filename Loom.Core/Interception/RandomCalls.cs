using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Random"/>'s nondeterministic sources. Inside a Loom execution <c>Random.Shared</c> draws
/// from the execution's seeded <see cref="SimRandom"/> (<see cref="Sim.Random"/>), and <c>new Random()</c> is a
/// real <see cref="Random"/> seeded from it, so a seed decides every number. <c>new Random(seed)</c> and the draws
/// on an instance are deterministic already and pass through. Outside an execution each is the real one.
/// </summary>
[PassesThrough("New(System.Int32)", "seeded by the caller: deterministic already")]
[PassesThrough("*", "draws on an instance: deterministic once the instance is (Random.Shared and new Random() are intercepted)")]
[Intercepts(typeof(Random))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RandomCalls
{
    /// <summary>
    /// Stands in for <see cref="Random.Shared"/>: inside an execution, a <see cref="Random"/> whose every draw comes
    /// from the execution's <see cref="SimRandom"/> (one object for all executions, so one kept in a field follows each).
    /// </summary>
    /// <returns>The shared random source.</returns>
    public static Random get_Shared([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Random.Shared", file, line) is not null ? ExecutionRandom.Instance : Random.Shared;

    /// <summary>Stands in for <see cref="Random()"/>: inside an execution, seeded from the execution's <see cref="SimRandom"/>.</summary>
    /// <returns>The generator.</returns>
    public static Random New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("new Random", file, line) is { } me ? new Random(me.Recorded(me.Execution.Random.Next())) : new Random();
}
