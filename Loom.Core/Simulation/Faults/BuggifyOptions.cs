using System;

namespace Loom.Simulation;

/// <summary>
/// How <see cref="Buggify"/> sites behave in a simulation. Each run enables a random share of the sites (decided by
/// the seed and the site's place in the source, so the same site is on for the same seed whatever else runs), and an
/// enabled site fires each time it is reached with <see cref="FireProbability"/>.
/// </summary>
public sealed record BuggifyOptions
{
    /// <summary>Buggify is off: every site is a no-op.</summary>
    public static BuggifyOptions Off { get; } = new();

    /// <summary>Buggify with the usual proportions: a quarter of the sites on, each firing a quarter of the times it is reached.</summary>
    public static BuggifyOptions On { get; } = new() { Enabled = true };

    /// <summary>Whether sites may fire at all. Default <see langword="false"/>.</summary>
    public bool Enabled { get; init; }

    /// <summary>The share of sites enabled in a run. Default 0.25.</summary>
    public double SiteProbability { get; init; } = 0.25;

    /// <summary>The probability that an enabled site fires when reached. Default 0.25.</summary>
    public double FireProbability { get; init; } = 0.25;

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <param name="prefix">The option path to name in errors.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string prefix = nameof(BuggifyOptions))
    {
        OptionCheck.Probability(SiteProbability, $"{prefix}.{nameof(SiteProbability)}");
        OptionCheck.Probability(FireProbability, $"{prefix}.{nameof(FireProbability)}");
    }
}
