using System;

namespace Loom.Simulation;

/// <summary>
/// How far each node's clock departs from true (simulated) time. Each node draws a fixed skew (its wall clock is
/// off by that much) and a drift (its clock runs that much fast or slow, wall clock, timestamps and timers alike);
/// jumps step a node's wall clock forward or back at random times, as an NTP correction or an operator would, while
/// its monotonic timestamps and timers go on undisturbed.
/// </summary>
public sealed record ClockFaults
{
    /// <summary>Every node's clock is exact.</summary>
    public static ClockFaults None { get; } = new();

    /// <summary>The largest skew of a node's wall clock, either way. Default zero.</summary>
    public TimeSpan MaxSkew { get; init; }

    /// <summary>
    /// The largest drift, as a fraction (0.0001 is 100 parts per million, about 8.6 s a day), either way. A drift
    /// must be below 0.5. Default 0.
    /// </summary>
    public double MaxDrift { get; init; }

    /// <summary>How often some node's wall clock jumps, in jumps per simulated second. Default 0.</summary>
    public double JumpRate { get; init; }

    /// <summary>The largest jump, either way. Default 1 s.</summary>
    public TimeSpan MaxJump { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="prefix">The option path to name in errors.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string prefix = nameof(ClockFaults))
    {
        OptionCheck.NotNegative(MaxSkew, $"{prefix}.{nameof(MaxSkew)}");
        if (!(MaxDrift >= 0 && MaxDrift < 0.5))
            throw OptionCheck.Invalid($"{prefix}.{nameof(MaxDrift)}", $"{MaxDrift} is not a drift; use a fraction from 0 to below 0.5 (0.0001 is 100 ppm)");
        OptionCheck.Rate(JumpRate, $"{prefix}.{nameof(JumpRate)}");
        OptionCheck.NotNegative(MaxJump, $"{prefix}.{nameof(MaxJump)}");
    }
}
