using System;
using System.Collections.Generic;

namespace Loom.Simulation;

/// <summary>
/// Nodes that crash and restart, or pause, at random times. A crash drops everything the node had in memory and
/// every piece of its work not yet run; unflushed disk writes are resolved as <see cref="DiskFaults"/> says; the node
/// restarts after <see cref="RestartDelay"/> by running its entry point again over its surviving disk. A pause
/// (a long garbage collection, a stopped VM) runs none of the node's work until it ends, while time goes on.
/// </summary>
public sealed record NodeFaults
{
    /// <summary>No crashes, no pauses.</summary>
    public static NodeFaults None { get; } = new();

    /// <summary>How often some node crashes, in crashes per simulated second. Default 0.</summary>
    public double CrashRate { get; init; }

    /// <summary>How long a crashed node stays down before it restarts. Default uniform from 100 ms to 2 s.</summary>
    public TimeDistribution RestartDelay { get; init; } = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>The most nodes the fault injector keeps down at once. Default 1.</summary>
    public int MaxCrashedAtOnce { get; init; } = 1;

    /// <summary>How often some node pauses, in pauses per simulated second. Default 0.</summary>
    public double PauseRate { get; init; }

    /// <summary>How long a pause lasts. Default uniform from 100 ms to 3 s.</summary>
    public TimeDistribution PauseDuration { get; init; } = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3));

    /// <summary>The nodes that may crash or pause, or <see langword="null"/> for every node. Default <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Among { get; init; }

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="prefix">The option path to name in errors.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string prefix = nameof(NodeFaults))
    {
        OptionCheck.Rate(CrashRate, $"{prefix}.{nameof(CrashRate)}");
        OptionCheck.NotNull(RestartDelay, $"{prefix}.{nameof(RestartDelay)}");
        if (MaxCrashedAtOnce < 1)
            throw OptionCheck.Invalid($"{prefix}.{nameof(MaxCrashedAtOnce)}", $"{MaxCrashedAtOnce} lets no node crash; use 1 or more, or a CrashRate of 0");
        OptionCheck.Rate(PauseRate, $"{prefix}.{nameof(PauseRate)}");
        OptionCheck.NotNull(PauseDuration, $"{prefix}.{nameof(PauseDuration)}");
        OptionCheck.Names(Among, $"{prefix}.{nameof(Among)}");
    }
}
