using System;
using System.Globalization;

namespace Loom.Simulation;

/// <summary>
/// A distribution of durations the simulation draws from its seeded random source: message latency, how long a
/// partition or a clog lasts, disk latency. Latencies drawn per message reorder messages whose ranges overlap.
/// </summary>
public sealed class TimeDistribution
{
    private readonly Kind _kind;

    private TimeDistribution(Kind kind, TimeSpan min, TimeSpan max, TimeSpan mean)
    {
        _kind = kind;
        Min = min;
        Max = max;
        Mean = mean;
    }

    private enum Kind
    {
        Constant,
        Uniform,
        Exponential,
    }

    /// <summary>No time at all.</summary>
    public static TimeDistribution Zero { get; } = new(Kind.Constant, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The smallest duration the distribution gives.</summary>
    public TimeSpan Min { get; }

    /// <summary>The largest duration the distribution gives.</summary>
    public TimeSpan Max { get; }

    /// <summary>The mean duration.</summary>
    public TimeSpan Mean { get; }

    /// <summary>Always <paramref name="duration"/>.</summary>
    /// <param name="duration">The duration, zero or more.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public static TimeDistribution Constant(TimeSpan duration)
    {
        Check(duration, nameof(duration));
        return new TimeDistribution(Kind.Constant, duration, duration, duration);
    }

    /// <summary>Uniform between <paramref name="min"/> and <paramref name="max"/> (inclusive), at tick resolution.</summary>
    /// <param name="min">The shortest duration, zero or more.</param>
    /// <param name="max">The longest duration, at least <paramref name="min"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, or <paramref name="max"/> is less than <paramref name="min"/>.</exception>
    public static TimeDistribution Uniform(TimeSpan min, TimeSpan max)
    {
        Check(min, nameof(min));
        Check(max, nameof(max));
        if (max < min)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The longest duration must be at least the shortest ({min}).");
        return new TimeDistribution(Kind.Uniform, min, max, min + ((max - min) / 2));
    }

    /// <summary>
    /// <paramref name="min"/> plus an exponentially distributed extra time with mean <paramref name="mean"/> -
    /// <paramref name="min"/>, cut at <paramref name="max"/>: most messages are fast and a few are very slow, as on a
    /// real network.
    /// </summary>
    /// <param name="min">The shortest duration, zero or more.</param>
    /// <param name="mean">The mean before the cut, at least <paramref name="min"/>.</param>
    /// <param name="max">The longest duration, at least <paramref name="mean"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative or they are out of order.</exception>
    public static TimeDistribution Exponential(TimeSpan min, TimeSpan mean, TimeSpan max)
    {
        Check(min, nameof(min));
        Check(mean, nameof(mean));
        Check(max, nameof(max));
        if (mean < min)
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"The mean must be at least the shortest duration ({min}).");
        if (max < mean)
            throw new ArgumentOutOfRangeException(nameof(max), max, $"The longest duration must be at least the mean ({mean}).");
        return new TimeDistribution(Kind.Exponential, min, max, mean);
    }

    /// <summary>Draws one duration (in a simulation, pass a seeded source such as <see cref="SimNode.Random"/>).</summary>
    /// <param name="random">The random source.</param>
    /// <returns>A duration between <see cref="Min"/> and <see cref="Max"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is <see langword="null"/>.</exception>
    public TimeSpan Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (_kind)
        {
            case Kind.Constant:
                return Min;
            case Kind.Uniform:
                return Min + TimeSpan.FromTicks(random.NextInt64((Max - Min).Ticks + 1));
            default:
                var extra = -Math.Log(1 - random.NextDouble()) * (Mean - Min).Ticks;
                var ticks = Min.Ticks + (long)Math.Min(extra, (Max - Min).Ticks);
                return TimeSpan.FromTicks(ticks);
        }
    }

    private static void Check(TimeSpan duration, string parameter)
    {
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(parameter, duration, "A duration cannot be negative.");
    }

    /// <inheritdoc />
    public override string ToString() => _kind switch
    {
        Kind.Constant => Format(Min),
        Kind.Uniform => $"uniform {Format(Min)}..{Format(Max)}",
        _ => $"exponential from {Format(Min)}, mean {Format(Mean)}, at most {Format(Max)}",
    };

    internal static string Format(TimeSpan time) =>
        time.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.###} ms");
}
