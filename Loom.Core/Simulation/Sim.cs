using System;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// The deterministic world of the current Loom execution: its virtual clock, its seeded random source and its
/// GUIDs. Outside an execution each member returns the real one (<see cref="TimeProvider.System"/>,
/// <see cref="System.Random.Shared"/>, <see cref="Guid.NewGuid"/>), so production code can take them as defaults.
/// </summary>
public static class Sim
{
    /// <summary>Whether the caller runs inside a Loom execution.</summary>
    public static bool IsActive => Current is not null;

    /// <summary>The execution's <see cref="SimClock"/>, or <see cref="TimeProvider.System"/> outside an execution.</summary>
    public static TimeProvider Clock => Current?.Clock ?? TimeProvider.System;

    /// <summary>The execution's <see cref="SimRandom"/> (seeded from the case's seed), or <see cref="System.Random.Shared"/> outside one.</summary>
    public static Random Random => Current?.Random ?? System.Random.Shared;

    /// <summary>A version 4 GUID drawn from <see cref="Random"/> inside an execution; <see cref="Guid.NewGuid"/> outside.</summary>
    /// <returns>The GUID.</returns>
    public static Guid NewGuid() => Current is { } execution ? NewGuid(execution.Random) : Guid.NewGuid();

    /// <summary>A version 4 GUID drawn from <paramref name="random"/>.</summary>
    internal static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// A version 7 GUID for <paramref name="timestamp"/> whose random bits come from <paramref name="random"/>, laid
    /// out as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> lays them out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is before the Unix epoch.</exception>
    internal static Guid NewGuidVersion7(Random random, DateTimeOffset timestamp)
    {
        var unixMilliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(unixMilliseconds, nameof(timestamp));
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        // The layout of new Guid(bytes): a 32-bit, then two 16-bit little-endian fields, then 8 bytes.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)(unixMilliseconds >> 16));
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bytes[4..], (short)unixMilliseconds);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static Execution? Current => LoomRuntime.Controlled("Sim", null, 0)?.Execution;
}
