using Loom.Bench;
using Loom.Bench.Rewriting;

// Usage: dotnet run -c Release --project bench/Loom.Bench.Rewriting -- [throughput|fields|rewrite|build|all] [--write bench/RESULTS.md]
var sections = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.EndsWith(".md", StringComparison.Ordinal)).ToList();
if (sections.Count == 0 || sections.Contains("all"))
    sections = ["throughput", "fields", "rewrite", "build"];
var write = Array.IndexOf(args, "--write") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var report = new Report("Rewriting", "bench/Loom.Bench.Rewriting");
foreach (var section in sections)
{
    switch (section)
    {
        case "throughput":
            RewrittenThroughput.Run(report);
            break;
        case "fields":
            FieldTracking.Run(report);
            break;
        case "rewrite":
            RewriteTime.Run(report);
            break;
        case "build":
            BuildTime.Run(report);
            break;
        default:
            Console.Error.WriteLine($"Unknown section '{section}'. Known: throughput, fields, rewrite, build, all.");
            return 2;
    }
}

var text = report.ToMarkdown(string.Join(" ", args));
Console.WriteLine(text);
if (write is not null)
    report.WriteInto(write, text);
return 0;
