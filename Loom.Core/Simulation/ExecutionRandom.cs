using System;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// The shared random source as rewritten code sees it (<c>Random.Shared</c>): inside a Loom execution, every draw
/// comes from that execution's <see cref="SimRandom"/> (<see cref="Sim.Random"/>), so a seed decides it; outside,
/// from <see cref="Random.Shared"/>. It is one object that asks at each draw, so one kept in a field follows every
/// later execution.
/// </summary>
internal sealed class ExecutionRandom : Random
{
    /// <summary>The one instance: what <c>Random.Shared</c> gives rewritten code inside an execution.</summary>
    public static readonly ExecutionRandom Instance = new();

    private ExecutionRandom()
    {
    }

    private static Random Source => LoomRuntime.Controlled("Random.Shared", null, 0)?.Execution.Random ?? Shared;

    /// <inheritdoc />
    public override int Next() => Source.Next();

    /// <inheritdoc />
    public override int Next(int maxValue) => Source.Next(maxValue);

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue) => Source.Next(minValue, maxValue);

    /// <inheritdoc />
    public override long NextInt64() => Source.NextInt64();

    /// <inheritdoc />
    public override long NextInt64(long maxValue) => Source.NextInt64(maxValue);

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue) => Source.NextInt64(minValue, maxValue);

    /// <inheritdoc />
    public override double NextDouble() => Source.NextDouble();

    /// <inheritdoc />
    public override float NextSingle() => Source.NextSingle();

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => Source.NextBytes(buffer);

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer) => Source.NextBytes(buffer);

    /// <inheritdoc />
    protected override double Sample() => Source.NextDouble();
}
