using System.Globalization;
using Loom.BugCorpus;

namespace Loom.Bench;

/// <summary>How many executions exploration takes: against the optimum, and with and without partial-order reduction.</summary>
internal static class ExplorationCounts
{
    public static void Run(Report report)
    {
        var unbounded = new LoomOptions { PreemptionBound = null };
        var rows = new List<string[]>
        {
            Row("store buffering, Interlocked", BenchModels.StoreBufferingInterlocked, unbounded, "3"),
        };
        foreach (var n in new[] { 2, 3, 5, 10 })
            rows.Add(Row($"{n} threads writing disjoint variables", BenchModels.DisjointWrites(n), unbounded, "1"));
        rows.Add(Row("(b) 3 threads on a lock", BenchModels.LockThreeThreads, unbounded, "6 (3! lock orders)"));
        report.Table(
            "Executions to exhaust small models",
            "Unbounded preemptions. The optimum is the number of distinct outcomes of conflicting operations (Mazurkiewicz traces). Without POR, runs stop at 20,000 executions.",
            ["model", "with POR", "without POR", "optimal"],
            rows);

        var corpus = new List<string[]>();
        foreach (var program in Corpus.All)
            corpus.Add(CorpusRow(program));
        report.Table(
            "Bug corpus: executions per strategy",
            "Fixed version: executions to exhaust its space with the program's options (the bound it is checked at), with and without POR (capped at 20,000). " +
            "Buggy version: executions until the bug is found: exhaustive (program's options), random walk and PCT depth 3 (seeds from 0, up to 2,000; '-' if not found).",
            ["program", "fixed: with POR", "fixed: without POR", "bug: exhaustive", "bug: random", "bug: PCT"],
            corpus);
    }

    private static string[] Row(string name, Action model, LoomOptions options, string optimal)
    {
        var with = LoomModel.Explore(model, options);
        var without = LoomModel.Explore(model, options with { PartialOrderReduction = false, MaxExecutions = 20_000 });
        return [name, Count(with), Count(without), optimal];
    }

    private static string[] CorpusRow(CorpusProgram program)
    {
        var fixedOptions = program.FixedOptionsOrDefault;
        string withPor = "-", withoutPor = "-";
        if (fixedOptions.Strategy == LoomStrategy.Exhaustive)
        {
            withPor = Count(LoomModel.Explore(program.Fixed, fixedOptions));
            withoutPor = Count(LoomModel.Explore(program.Fixed, fixedOptions with { PartialOrderReduction = false, MaxExecutions = 20_000 }));
        }
        var exhaustive = program.Options.Strategy == LoomStrategy.Exhaustive ? UntilFound(program.Buggy, program.Options) : "-";
        var random = UntilFound(program.Buggy, new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 2_000 });
        var pct = UntilFound(program.Buggy, new LoomOptions { Strategy = LoomStrategy.Pct, Iterations = 2_000, PctDepth = program.PctDepth });
        return [program.Name, withPor, withoutPor, exhaustive, random, pct];
    }

    private static string UntilFound(Action model, LoomOptions options)
    {
        var result = LoomModel.Explore(model, options with { VerifyFailureReplays = false });
        return result.Failure is null ? "-" : result.Executions.ToString("N0", CultureInfo.InvariantCulture);
    }

    private static string Count(ExplorationResult result)
    {
        var text = result.Executions.ToString("N0", CultureInfo.InvariantCulture);
        if (!result.Passed)
            return text + " (failed)";
        return result.Exhausted ? text : text + " (not exhausted)";
    }
}
