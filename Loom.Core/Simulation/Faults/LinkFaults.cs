using System;

namespace Loom.Simulation;

/// <summary>
/// How one direction of a network link between two nodes misbehaves. Every decision (a latency, a loss, a
/// duplicate, a reset, when a clog starts) is drawn from the execution's seed. Set the default for every link with
/// <see cref="SimulationOptions.Network"/> and override single links with <see cref="SimNetwork.ConfigureLink"/>.
/// </summary>
public sealed record LinkFaults
{
    /// <summary>A link that delivers everything, in order, after 1 ms.</summary>
    public static LinkFaults None { get; } = new();

    /// <summary>
    /// The one-way latency of each datagram and stream segment. Datagrams drawn with different latencies overtake
    /// each other; a stream keeps its order (a segment never arrives before the one sent before it). Default 1 ms.
    /// </summary>
    public TimeDistribution Latency { get; init; } = TimeDistribution.Constant(TimeSpan.FromMilliseconds(1));

    /// <summary>The probability that a datagram is lost. Streams retransmit, so for them a loss is only more latency. Default 0.</summary>
    public double DropProbability { get; init; }

    /// <summary>The probability that a datagram is delivered twice (each copy with its own latency). Default 0.</summary>
    public double DuplicateProbability { get; init; }

    /// <summary>
    /// The probability that a stream write resets its connection instead of being sent: both ends then fail with
    /// an <see cref="System.IO.IOException"/> whose inner exception is a <see cref="System.Net.Sockets.SocketException"/>
    /// (<see cref="System.Net.Sockets.SocketError.ConnectionReset"/>). Default 0.
    /// </summary>
    public double ResetProbability { get; init; }

    /// <summary>
    /// How often the link clogs, in clogs per simulated second: a clogged link delivers nothing until the clog
    /// clears, then everything held at once. Default 0.
    /// </summary>
    public double ClogRate { get; init; }

    /// <summary>How long a clog lasts. Default uniform from 100 ms to 2 s.</summary>
    public TimeDistribution ClogDuration { get; init; } = TimeDistribution.Uniform(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="prefix">The option path to name in errors, for example <c>Network</c>.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string prefix = nameof(LinkFaults))
    {
        OptionCheck.NotNull(Latency, $"{prefix}.{nameof(Latency)}");
        OptionCheck.Probability(DropProbability, $"{prefix}.{nameof(DropProbability)}");
        OptionCheck.Probability(DuplicateProbability, $"{prefix}.{nameof(DuplicateProbability)}");
        OptionCheck.Probability(ResetProbability, $"{prefix}.{nameof(ResetProbability)}");
        OptionCheck.Rate(ClogRate, $"{prefix}.{nameof(ClogRate)}");
        OptionCheck.NotNull(ClogDuration, $"{prefix}.{nameof(ClogDuration)}");
    }
}
