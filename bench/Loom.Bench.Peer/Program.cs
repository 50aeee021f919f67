using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Loom;
using Loom.Bench;
using Loom.Bench.Peer;

// Usage: dotnet run -c Release --project bench/Loom.Bench.Peer -- [--iterations N] [--rounds R] [--only TEXT] [--write bench/RESULTS.md]
var iterations = IntOption("--iterations", 10_000);
var rounds = IntOption("--rounds", 3);
var only = Option("--only");
var write = Option("--write");
var models = PeerCatalog.All.Where(m => only is null || m.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
if (models.Count == 0)
{
    Console.Error.WriteLine($"No model matches '{only}'. Known: {string.Join("; ", PeerCatalog.All.Select(m => m.Name))}.");
    return 2;
}

// Created first: it reads the load average at the start.
var report = new Report("Peer benchmark: Loom against Coyote 1.7.11", "bench/Loom.Bench.Peer");

// Warm-up: JIT both tools' paths on every model before anything is timed.
foreach (var model in models)
{
    PeerMeasurement.LoomRandom(model, 100);
    PeerMeasurement.LoomExhaustive(model, 100);
    PeerMeasurement.Coyote(model, 100);
}

var measured = models.ToDictionary(m => m, _ => new List<PeerRound>());
for (var round = 0; round < rounds; round++)
{
    // Each model's three runs back to back, so each round's ratios are measured at the same load.
    foreach (var model in models)
    {
        var measuredRound = new PeerRound(
            PeerMeasurement.LoomRandom(model, iterations),
            PeerMeasurement.LoomExhaustive(model, iterations),
            PeerMeasurement.Coyote(model, iterations));
        measured[model].Add(measuredRound);
        Console.Error.WriteLine($"round {round + 1}, {model.Name}: Loom random {N((long)measuredRound.LoomRandom.Rate)}/s, exhaustive {N((long)measuredRound.LoomExhaustive.Rate)}/s, Coyote {N((long)measuredRound.Coyote.Rate)}/s");
    }
    Console.Error.WriteLine($"round {round + 1} of {rounds} done");
}

var lines = models.Select(m => new PeerLine(m, measured[m])).ToList();
report.Table(
    "Executions per second, side by side",
    $"Budget {N(iterations)} executions per tool and model; median of {rounds} rounds, each round running every model under Loom random, " +
    "Loom exhaustive and Coyote back to back; ratios are the median of the per-round ratios. Loom: `LoomModel.Explore`, random strategy " +
    $"({N(iterations)} seeds), and the default exhaustive strategy (DPOR, preemption bound {LoomOptions.DefaultPreemptionBound}, or the corpus program's own " +
    $"options) explored again and again until {N(iterations)} executions. Coyote: `TestingEngine` in process on the `coyote rewrite`-rewritten twin, " +
    "`WithRandomStrategy()`, otherwise default settings. Steps: Loom's controlled operations, Coyote's scheduling steps, per execution.",
    ["model", "Loom random /s", "Loom exhaustive /s", "Coyote /s", "ratio random", "ratio exhaustive", "executions: Loom random, exhaustive (per Explore), Coyote", "steps: Loom, Coyote", "bug: Loom, Coyote"],
    lines.Select(l => l.Row()));

var corpus = lines.Where(l => l.Model.FromCorpus).ToList();
var issueModels = lines.Where(l => !l.Model.FromCorpus).ToList();
report.Table(
    "Median ratios",
    "",
    ["models", "count", "median ratio, random", "median ratio, exhaustive"],
    [
        ["issue #19's models", issueModels.Count.ToString(CultureInfo.InvariantCulture), Ratio(PeerLine.Median(issueModels.Select(l => l.RandomRatio))), Ratio(PeerLine.Median(issueModels.Select(l => l.ExhaustiveRatio)))],
        ["the corpus's correct programs", corpus.Count.ToString(CultureInfo.InvariantCulture), Ratio(PeerLine.Median(corpus.Select(l => l.RandomRatio))), Ratio(PeerLine.Median(corpus.Select(l => l.ExhaustiveRatio)))],
    ]);

// What the handoffs alone cost: the figure the goals have to fit under, measured in this run.
var handoffCost = Enumerable.Range(2, 3).ToDictionary(threads => threads, threads => HandoffRing.Median(threads, 200_000));
report.Table(
    "The handoff floor",
    "Loom's random rows again: the OS threads an execution holds at most (logical threads on workers, and thread 0's) and the times control passes to " +
    "another OS thread, per execution (restarted ones included), both medians of the rounds. Beside them, in the same run, the nanoseconds one handoff " +
    $"takes among that many OS threads ({nameof(HandoffRing)}: Loom's baton, control passed to a random other thread, median of 5 runs of 200,000) and " +
    "the executions per second those handoffs alone would allow, if everything else Loom and the model do cost nothing. The goal is issue #19's " +
    "multiple of Coyote's median rate above.",
    ["model", "OS threads", "OS handoffs per execution", "ns per handoff", "floor: executions/s", "Loom random /s", "goal /s", "goal under the floor"],
    lines.Select(l => l.FloorRow(handoffCost)));

// Both tools must find a known bug, else a fast tool may be one that controls nothing.
var buggy = PeerCatalog.BuggyLostUpdate;
var loomBug = PeerMeasurement.LoomRandom(buggy, iterations);
var coyoteBug = PeerMeasurement.Coyote(buggy, iterations);
report.Table(
    "Sanity check: a buggy program",
    "Both tools must find the corpus's lost-update bug (a Volatile read then write), or their figures do not measure a controlled program.",
    ["model", "Loom random: found, after executions", "Coyote: found, after iterations"],
    [[buggy.Name, $"{Yes(loomBug.BugFound)}, {N(loomBug.Executions)}", $"{Yes(coyoteBug.BugFound)}, {N(coyoteBug.Executions)}"]]);

var text = report.ToMarkdown(string.Join(" ", args));
Console.WriteLine(text);
if (write is not null)
    report.WriteInto(write, text);
return loomBug.BugFound && coyoteBug.BugFound && lines.All(l => !l.AnyBug) ? 0 : 1;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

int IntOption(string name, int fallback) => Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

static string Ratio(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture) + "x";

static string Yes(bool value) => value ? "yes" : "no";
