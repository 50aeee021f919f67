using System;
using System.Collections.Generic;

namespace Loom.Simulation;

/// <summary>
/// Network partitions that come and heal at random times. A partition splits the nodes into two sides: a
/// symmetric one blocks both directions between them, an asymmetric one only messages from one side to the other
/// (a node that can send but not receive, or the reverse). Datagrams across a partition are lost; stream data waits
/// and flows when it heals, unless the connection times out first (<see cref="SimulationOptions.ConnectionTimeout"/>).
/// </summary>
public sealed record PartitionFaults
{
    /// <summary>No partitions.</summary>
    public static PartitionFaults None { get; } = new();

    /// <summary>How often a partition starts, in partitions per simulated second. Default 0.</summary>
    public double Rate { get; init; }

    /// <summary>The share of partitions that are asymmetric (one direction only). Default 0.5.</summary>
    public double AsymmetricProbability { get; init; } = 0.5;

    /// <summary>How long a partition lasts before it heals. Default uniform from 500 ms to 5 s.</summary>
    public TimeDistribution Duration { get; init; } = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));

    /// <summary>The nodes that partitions split, or <see langword="null"/> for every node. Default <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Among { get; init; }

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="prefix">The option path to name in errors.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string prefix = nameof(PartitionFaults))
    {
        OptionCheck.Rate(Rate, $"{prefix}.{nameof(Rate)}");
        OptionCheck.Probability(AsymmetricProbability, $"{prefix}.{nameof(AsymmetricProbability)}");
        OptionCheck.NotNull(Duration, $"{prefix}.{nameof(Duration)}");
        OptionCheck.Names(Among, $"{prefix}.{nameof(Among)}");
    }
}
