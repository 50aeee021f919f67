using System;

namespace Loom.Simulation;

/// <summary>Settings of one node that override what <see cref="SimulationOptions"/> would draw for it.</summary>
public sealed record SimNodeOptions
{
    /// <summary>The node's wall-clock skew, instead of one drawn from <see cref="ClockFaults.MaxSkew"/>.</summary>
    public TimeSpan? ClockSkew { get; init; }

    /// <summary>The node's clock drift as a fraction (0.0001 runs 100 ppm fast), instead of one drawn from <see cref="ClockFaults.MaxDrift"/>.</summary>
    public double? ClockDrift { get; init; }

    /// <summary>The node's disk faults, instead of <see cref="SimulationOptions.Disk"/>.</summary>
    public DiskFaults? Disk { get; init; }

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (ClockDrift is { } drift && !(drift > -0.5 && drift < 0.5))
            throw OptionCheck.Invalid(nameof(ClockDrift), $"{drift} is not a drift; use a fraction between -0.5 and 0.5");
        Disk?.Validate(nameof(Disk));
    }
}
