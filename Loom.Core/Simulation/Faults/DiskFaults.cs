using System;

namespace Loom.Simulation;

/// <summary>
/// How each node's simulated disk misbehaves. Data written but not flushed to disk
/// (<see cref="SimFile.Flush(bool)"/> with <see langword="true"/>, or <see cref="SimFile.FlushToDiskAsync"/>) lives
/// in the node's memory: a crash loses it, unless the seed decides that it had reached the disk anyway, in full or
/// torn (some of its sectors written, the others not).
/// </summary>
public sealed record DiskFaults
{
    /// <summary>A disk that loses exactly the unflushed writes on a crash and never fails otherwise.</summary>
    public static DiskFaults None { get; } = new();

    /// <summary>The probability that an unflushed write had fully reached the disk when its node crashed. Default 0.</summary>
    public double UnflushedWriteKeptProbability { get; init; }

    /// <summary>
    /// The probability that an unflushed write that had not fully reached the disk is torn rather than lost: each of
    /// its sectors independently reached the disk or not. Default 0.
    /// </summary>
    public double TornWriteProbability { get; init; }

    /// <summary>The sector size, the unit a torn write is cut in. Default 512 bytes.</summary>
    public int SectorSize { get; init; } = 512;

    /// <summary>The probability that a read returns data with one bit flipped (the stored data stays intact). Default 0.</summary>
    public double CorruptReadProbability { get; init; }

    /// <summary>The probability that a read, write or flush fails with an <see cref="System.IO.IOException"/>. Default 0.</summary>
    public double IoErrorProbability { get; init; }

    /// <summary>The probability that a write fails because the disk is full (transiently). Default 0.</summary>
    public double DiskFullProbability { get; init; }

    /// <summary>The disk's size in bytes (the sum of its files' lengths), or <see langword="null"/> for no limit. Default <see langword="null"/>.</summary>
    public long? Capacity { get; init; }

    /// <summary>How long a read or write takes. Default zero.</summary>
    public TimeDistribution Latency { get; init; } = TimeDistribution.Zero;

    /// <summary>How long a flush to disk takes. Default zero.</summary>
    public TimeDistribution FlushLatency { get; init; } = TimeDistribution.Zero;

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="prefix">The option path to name in errors.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string prefix = nameof(DiskFaults))
    {
        OptionCheck.Probability(UnflushedWriteKeptProbability, $"{prefix}.{nameof(UnflushedWriteKeptProbability)}");
        OptionCheck.Probability(TornWriteProbability, $"{prefix}.{nameof(TornWriteProbability)}");
        if (SectorSize < 1)
            throw OptionCheck.Invalid($"{prefix}.{nameof(SectorSize)}", $"{SectorSize} is not a size; use 1 byte or more");
        OptionCheck.Probability(CorruptReadProbability, $"{prefix}.{nameof(CorruptReadProbability)}");
        OptionCheck.Probability(IoErrorProbability, $"{prefix}.{nameof(IoErrorProbability)}");
        OptionCheck.Probability(DiskFullProbability, $"{prefix}.{nameof(DiskFullProbability)}");
        if (Capacity is < 0)
            throw OptionCheck.Invalid($"{prefix}.{nameof(Capacity)}", $"{Capacity} is negative; use 0 or more bytes, or null for no limit");
        OptionCheck.NotNull(Latency, $"{prefix}.{nameof(Latency)}");
        OptionCheck.NotNull(FlushLatency, $"{prefix}.{nameof(FlushLatency)}");
    }
}
