using Loom.Bench;

// Usage: dotnet run -c Release --project bench/Loom.Bench -- [engine|counts|memory|async|handoff|overhead|long|parallel|all] [--write bench/RESULTS.md]
var sections = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.EndsWith(".md", StringComparison.Ordinal)).ToList();
if (sections.Count == 0 || sections.Contains("all"))
    sections = ["engine", "counts", "memory", "async", "handoff", "overhead"];
var write = Array.IndexOf(args, "--write") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var report = new Report();
// "parallel" writes its own section of the results file ("Parallel exploration"), so it runs alone and is not in "all".
if (sections.SequenceEqual(["parallel"]))
    report = new Report("Parallel exploration");
foreach (var section in sections)
{
    switch (section)
    {
        case "engine":
            EngineThroughput.Run(report);
            break;
        case "counts":
            ExplorationCounts.Run(report);
            break;
        case "memory":
            MemoryModelCost.Run(report);
            break;
        case "async":
            AsyncAndTime.Run(report);
            break;
        case "handoff":
            HandoffCost.Run(report);
            break;
        case "overhead":
            MirrorOverhead.Run(report);
            break;
        case "long":
            // Not in "all": ten million executions take several minutes.
            LongExploration.Run(report, millions: 10);
            break;
        case "parallel" when sections.Count == 1:
            ParallelExploration.Run(report);
            break;
        case "parallel":
            Console.Error.WriteLine("'parallel' writes its own section of the results file; run it alone.");
            return 2;
        default:
            Console.Error.WriteLine($"Unknown section '{section}'. Known: engine, counts, memory, async, handoff, overhead, long, parallel, all.");
            return 2;
    }
}

var text = report.ToMarkdown(string.Join(" ", args));
Console.WriteLine(text);
if (write is not null)
    report.WriteInto(write, text);
return 0;
