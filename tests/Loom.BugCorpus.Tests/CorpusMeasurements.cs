using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace Loom.BugCorpus.Tests;

/// <summary>
/// Measures, for every corpus program, how many executions each strategy needs to find the bug, and writes the
/// table that docs/bug-corpus.md records. Explicit: it runs only when asked for, with
/// <c>dotnet test tests/Loom.BugCorpus.Tests -- --explicit only</c> (or the runner's equivalent), because it
/// explores far more than the correctness tests. Environment variables tune it: LOOM_MEASURE_RUNS (independent
/// random and PCT runs per program, default 10), LOOM_MEASURE_CAP (the most executions one random or PCT run
/// may take, default 20000), LOOM_MEASURE_OUT (where to write the markdown table), LOOM_MEASURE_ONLY (a
/// comma-separated list of program names to measure instead of all).
/// </summary>
public sealed class CorpusMeasurements(ITestOutputHelper output)
{
    /// <summary>The seeds of one run start at run * SeedStride, so runs never share a seed.</summary>
    private const long SeedStride = 1_000_000_000;

    /// <summary>The highest preemption bound tried when looking for the smallest one that finds a bug.</summary>
    private const int MaxBoundTried = 9;

    /// <summary>The most executions of one exhaustive run the measurement allows before it gives up.</summary>
    private const int ExhaustiveCap = 50_000;

    [Fact(Explicit = true)]
    public void Measure_executions_to_first_failure_per_strategy()
    {
        var runs = EnvInt("LOOM_MEASURE_RUNS", 10);
        var cap = EnvInt("LOOM_MEASURE_CAP", 20_000);
        var table = new StringBuilder();
        table.AppendLine("| Program | Kind | Smallest bound that finds it | Exhaustive: executions to find (bound) | Random: executions to find | PCT: executions to find (depth) | Fixed: executions (bound), exhausted |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        var only = Environment.GetEnvironmentVariable("LOOM_MEASURE_ONLY")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var program in Corpus.All.Where(p => only is null || only.Contains(p.Name)))
        {
            var row = Measure(program, runs, cap);
            table.AppendLine(row);
            output.WriteLine(row);
        }

        var path = Environment.GetEnvironmentVariable("LOOM_MEASURE_OUT") ?? Path.Combine(AppContext.BaseDirectory, "bug-corpus-measurements.md");
        File.WriteAllText(path, table.ToString());
        output.WriteLine($"Written to {path} ({runs} random/PCT runs per program, at most {cap} executions each).");
    }

    private static string Measure(CorpusProgram program, int runs, int cap)
    {
        var watch = Stopwatch.StartNew();
        var boundText = Cell(() =>
        {
            var (bound, executions, capped) = SmallestBound(program);
            if (capped)
            {
                var below = bound > 0 ? $"not found up to bound {bound - 1}; " : "";
                return $"{below}bound {bound} not exhausted in {ExhaustiveCap:N0}";
            }
            return bound is null ? $"not found up to bound {MaxBoundTried}" : $"{bound} ({executions:N0} executions)";
        });
        var exhaustive = Cell(() =>
        {
            // A program searched by another strategy is still tried exhaustively, with the bound it needs and a cap.
            var options = program.Options.Strategy == LoomStrategy.Exhaustive
                ? program.Options
                : new LoomOptions { PreemptionBound = program.PreemptionsNeeded, MaxExecutions = ExhaustiveCap };
            return Describe(LoomModel.Explore(program.Buggy, options), options.PreemptionBound);
        });
        var isLarge = program.Options.Strategy != LoomStrategy.Exhaustive;
        var random = Cell(() => Sample(program, LoomStrategy.Random, isLarge ? Math.Min(runs, 5) : runs, isLarge ? 10 * cap : cap));
        var pct = Cell(() => Sample(program, LoomStrategy.Pct, isLarge ? Math.Min(runs, 5) : runs, isLarge ? 10 * cap : cap));
        var fixedText = Cell(() =>
        {
            var options = program.FixedOptionsOrDefault;
            var result = LoomModel.Explore(program.Fixed, options);
            return result.Passed
                ? $"{result.Executions:N0} ({BoundText(options.PreemptionBound)}), {(result.Exhausted ? "yes" : "no")}"
                : $"FAILED: {result.Failure!.Kind}";
        });
        return $"| {program.Name} | {program.ExpectedKind} | {boundText} | {exhaustive} | {random} | {pct} (d={program.PctDepth}) | {fixedText} |"
            + $" <!-- {watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s -->";
    }

    /// <summary>An engine error is a finding too: it is written in the table instead of losing the other cells.</summary>
    private static string Cell(Func<string> measure)
    {
        try
        {
            return measure();
        }
        catch (Exception ex)
        {
            return $"engine error: {ex.GetType().Name}: {ex.Message.Replace('|', '/')}";
        }
    }

    /// <summary>
    /// The smallest preemption bound at which exhaustive search finds the bug, and its executions; or, if a bound's
    /// space hits the cap first, that bound with <c>Capped</c> set.
    /// </summary>
    private static (int? Bound, int Executions, bool Capped) SmallestBound(CorpusProgram program)
    {
        for (var bound = 0; bound <= MaxBoundTried; bound++)
        {
            var result = LoomModel.Explore(program.Buggy, new LoomOptions { PreemptionBound = bound, MaxExecutions = ExhaustiveCap });
            if (result.Failure is not null)
                return (bound, result.Executions, false);
            if (!result.Exhausted)
                return (bound, result.Executions, true);
        }
        return (null, 0, false);
    }

    private static string Describe(ExplorationResult result, int? bound) =>
        result.Failure is null
            ? $"not found in {result.Executions:N0} ({BoundText(bound)})"
            : $"{result.Executions:N0} ({BoundText(bound)})";

    private static string BoundText(int? bound) => bound is null ? "unbounded" : $"bound {bound}";

    private static string Sample(CorpusProgram program, LoomStrategy strategy, int runs, int cap)
    {
        var found = new List<int>();
        for (var run = 0; run < runs; run++)
        {
            var options = new LoomOptions
            {
                Strategy = strategy,
                Seed = run * SeedStride,
                Iterations = cap,
                PctDepth = program.PctDepth,
            };
            var result = LoomModel.Explore(program.Buggy, options);
            if (result.Failure is not null)
                found.Add(result.Executions);
        }
        if (found.Count == 0)
            return $"not found in {runs} x {cap:N0}";
        found.Sort();
        var median = found[found.Count / 2];
        var mean = found.Average();
        var missed = runs - found.Count;
        var missedText = missed == 0 ? "" : $", {missed}/{runs} runs missed within {cap:N0}";
        return $"median {median:N0}, mean {mean:N0}, max {found[^1]:N0}{missedText}";
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
