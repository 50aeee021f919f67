using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;

namespace Loom.Simulation;

/// <summary>
/// Marks places in production code where a simulation may inject rare behaviour, as FoundationDB's BUGGIFY does:
/// <c>if (Buggify.Fire()) await Task.Delay(TimeSpan.FromSeconds(2), clock);</c> makes a rare slow path common under
/// test and is a no-op everywhere else. In a run, each site (a source file and line) is enabled or not, decided by the
/// seed and the site alone (<see cref="BuggifyOptions.SiteProbability"/>); an enabled site fires each time it is
/// reached with <see cref="BuggifyOptions.FireProbability"/>, drawn from the seed. Every firing is in the fault plan.
/// Outside a Loom execution with a <see cref="SimWorld"/> whose options enable Buggify, <see cref="Fire(string?, int)"/> is
/// always <see langword="false"/>.
/// </summary>
public static class Buggify
{
    private static readonly ConditionalWeakTable<SimWorld, State> s_states = new();

    /// <summary>Whether Buggify can fire here: the caller runs in a world whose options enable it.</summary>
    public static bool IsEnabled => SimWorld.Current is { Options.Buggify.Enabled: true };

    /// <summary>Whether this site fires now. Each call site is its own site.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns><see langword="true"/> when the rare behaviour should happen.</returns>
    public static bool Fire([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Decide(null, file, line);

    /// <summary>Whether this site fires now, with <paramref name="probability"/> instead of the configured one once the site is enabled.</summary>
    /// <param name="probability">The probability that an enabled site fires, from 0 to 1.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns><see langword="true"/> when the rare behaviour should happen.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not from 0 to 1.</exception>
    public static bool Fire(double probability, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is a number from 0 to 1.");
        return Decide(probability, file, line);
    }

    private static bool Decide(double? probability, string? file, int line)
    {
        if (SimWorld.Current is not { } world || !world.Options.Buggify.Enabled)
            return false;
        var options = world.Options.Buggify;
        var state = s_states.GetValue(world, w => new State(w.Seed));
        var site = $"{Path.GetFileName(file ?? "unknown")}:{line}";
        if (!state.Sites.TryGetValue(site, out var enabled))
        {
            // Decided by the seed and the site alone, so adding a site elsewhere does not change which ones are on.
            var draw = (double)((ulong)SeedStreams.Derive(world.Seed, $"buggify site {site}") >> 11) / (1UL << 53);
            enabled = draw < options.SiteProbability;
            state.Sites.Add(site, enabled);
        }
        if (!enabled || state.Random.NextDouble() >= (probability ?? options.FireProbability))
            return false;
        var where = SimNode.Current is { } node ? $" in node '{node.Name}'" : "";
        world.Record(SimEventKind.Buggify, site, $"fired{where}");
        return true;
    }

    private sealed class State(long seed)
    {
        public Dictionary<string, bool> Sites { get; } = new();

        public SimRandom Random { get; } = SeedStreams.For(seed, "buggify");
    }
}
