using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Loom.Coverage;

// Usage: dotnet run -c Release --project bench/Loom.Bench.Coverage -- [repository root] [--no-scan] [--no-runs] [--runs N]
// 1. Scan: generates a library of at least 50,000 lines with sites of every category, builds it, and times the
//    catalog step as a test run pays it, each time in a fresh process (so Roslyn's start-up and JIT are included):
//    with the catalog cache off, then with it warm. Prints each step's time.
// 2. Test runs: the coverage fixture (xUnit v3, passes) and the three samples (xUnit v3, NUnit, MSTest; each has a
//    test that fails on purpose), each given Loom.Coverage the way a user adds it. For every project, rounds of
//    'dotnet test --no-build' without and with '--collect loom-coverage' (warm catalog cache, and cold) and with
//    Coverlet alone, plus on the fixture the collector without Coverlet and the collector with dotnet test's
//    post-processing pass kept; the variants alternate inside each round so that a change of machine load hits
//    them alike. Medians, with the load average before each round.
if (args.Length == 2 && args[0] == "--scan-once")
    return ScanOnce(args[1]);

var root = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? FindRoot());
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
var work = Directory.CreateTempSubdirectory("loom-coverage-bench-").FullName;
// Stop MSBuild from importing build files of folders above the temporary one.
File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average: {LoadAverage()}");

if (!args.Contains("--no-scan"))
    ScanBench(work);
if (!args.Contains("--no-runs"))
    RunBench(root, work, runs);
Directory.Delete(work, recursive: true);
return 0;

static void ScanBench(string work)
{
    var library = Path.Combine(work, "Generated");
    Directory.CreateDirectory(library);
    File.WriteAllText(Path.Combine(library, "Generated.csproj"), """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>disable</ImplicitUsings><GenerateDocumentationFile>false</GenerateDocumentationFile><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup>
        </Project>
        """);
    var lines = 0;
    var files = 0;
    while (lines < 50_000)
    {
        var text = GeneratedFile(files);
        lines += text.Count(c => c == '\n');
        File.WriteAllText(Path.Combine(library, $"Service{files:000}.cs"), text);
        files++;
    }
    Succeeded(Run(library, null, "dotnet", "build", "-c", "Release", "-nologo", "-v:q"));
    var dll = Path.Combine(library, "bin", "Release", "net10.0", "Generated.dll");
    var self = typeof(CoverageRun).Assembly.Location.Replace("Loom.Coverage.dll", "Loom.Bench.Coverage.dll", StringComparison.Ordinal);
    Console.WriteLine($"scan of {lines:N0} lines in {files} files, each in a fresh process (load average {LoadAverage()}):");
    foreach (var (label, cache) in new[] { ("cache off", "0"), ("cache off", "0"), ("cache off", "0"), ("cache warm", "1"), ("cache warm", "1"), ("cache warm", "1") })
    {
        var scan = Succeeded(Run(library, new() { ["LOOM_COVERAGE_CACHE"] = cache }, "dotnet", self, "--scan-once", dll));
        Console.WriteLine($"  {label}: {scan.Output.Trim()}");
    }
}

// Builds the report of one test assembly (no hits) in this fresh process and prints what each step took.
static int ScanOnce(string dll)
{
    var options = new CoverageRunOptions { OutputFolder = Path.Combine(Path.GetTempPath(), "loom-coverage-bench-scan-" + Environment.ProcessId) };
    options.TestAssemblies.Add(dll);
    var clock = Stopwatch.StartNew();
    var result = CoverageRun.Produce(options);
    clock.Stop();
    Directory.Delete(options.OutputFolder, recursive: true);
    var phases = string.Join(", ", result.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Elapsed.TotalSeconds:0.00}")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.00} s, {result.Report.Results.Count} sites{(result.CatalogFromCache ? " (catalog from the cache)" : "")} [{phases}]"));
    return 0;
}

static void RunBench(string root, string work, int runs)
{
    var repo = "-p:LoomRepoRoot=" + root + Path.DirectorySeparatorChar;
    var fixtures = Path.Combine(work, "fixtures");
    Directory.CreateDirectory(fixtures);
    File.Copy(Path.Combine(root, "tests", "fixtures", "Directory.Build.props"), Path.Combine(fixtures, "Directory.Build.props"));
    foreach (var project in new[] { "Coverage.Library", "Coverage.Xunit" })
        CopyDirectory(Path.Combine(root, "tests", "fixtures", project), Path.Combine(fixtures, project));
    var projects = new List<(string Name, string Folder)> { ("fixture Coverage.Xunit (5 tests, passes)", Path.Combine(fixtures, "Coverage.Xunit")) };
    foreach (var sample in new[] { "Loom.Samples.Xunit", "Loom.Samples.NUnit", "Loom.Samples.MSTest" })
        projects.Add(($"sample {sample} (fails on purpose)", WithCoverage(root, work, sample)));
    foreach (var (_, folder) in projects)
        Succeeded(Run(folder, null, "dotnet", "build", "-c", "Release", repo, "-nologo", "-v:q"));

    var runSettings = Path.Combine(root, "Loom.Coverage", "build", "Loom.Coverage.runsettings");
    foreach (var (name, folder) in projects)
    {
        var variants = new List<(string Label, Dictionary<string, string>? Environment, string[] Arguments)>
        {
            ("dotnet test", null, []),
            ("--collect loom-coverage (catalog cache warm)", null, ["--collect", "loom-coverage"]),
            ("--collect loom-coverage (cache off: compile and scan)", new() { ["LOOM_COVERAGE_CACHE"] = "0" }, ["--collect", "loom-coverage"]),
        };
        // What line coverage alone costs any user of dotnet test: the floor under loom-coverage, which needs Coverlet.
        variants.Add(("--collect \"XPlat Code Coverage\" alone, Loom's run settings", null, ["--collect", "XPlat Code Coverage", "--settings", runSettings]));
        if (name.StartsWith("fixture", StringComparison.Ordinal))
        {
            variants.Add(("--collect loom-coverage without Coverlet", null, ["--collect", "loom-coverage", "-p:LoomCoverageCoverlet=false"]));
            // Naming a collector that is not installed keeps dotnet test's post-processing pass, as any other collector would.
            variants.Add(("--collect loom-coverage with the post-processing pass", null, ["--collect", "loom-coverage", "--collect", "Another Collector"]));
        }
        (double Seconds, string Output) Time(Dictionary<string, string>? environment, string[] extra)
        {
            var clock = Stopwatch.StartNew();
            var run = Run(folder, environment, "dotnet", ["test", "--no-build", "-c", "Release", repo, .. extra]);
            return (clock.Elapsed.TotalSeconds, run.Output);
        }
        foreach (var (_, environment, arguments) in variants)
            Time(environment, arguments); // warm the file cache, the build server and the catalog cache
        var times = variants.Select(_ => new List<double>()).ToList();
        var phases = new List<string>();
        var loads = new List<string>();
        for (var round = 0; round < runs; round++)
        {
            loads.Add(LoadAverage());
            for (var v = 0; v < variants.Count; v++)
            {
                var (seconds, output) = Time(variants[v].Environment, variants[v].Arguments);
                times[v].Add(seconds);
                if (Regex.Match(output, @"Report built in [^\n]*") is { Success: true } built && round == 0)
                    phases.Add($"    {variants[v].Label}: {built.Value.Trim()}");
            }
        }
        Console.WriteLine($"{name}: {runs} rounds, load average before each: {string.Join(" | ", loads)}");
        for (var v = 0; v < variants.Count; v++)
        {
            var ratio = v == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"  {Median(times[v]) / Median(times[0]):0.00}x");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {variants[v].Label,-58} median {Median(times[v]):0.00} s{ratio}  [{string.Join(", ", times[v].Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}]"));
        }
        foreach (var line in phases)
            Console.WriteLine(line);
    }
}

// A copy of a sample with Loom.Coverage added as the docs tell a user to (with a ProjectReference).
static string WithCoverage(string root, string work, string sample)
{
    var folder = Path.Combine(work, "samples", sample);
    CopyDirectory(Path.Combine(root, "samples", sample), folder);
    var project = Path.Combine(folder, sample + ".csproj");
    var text = File.ReadAllText(project).Replace("..\\..\\", root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    var coverage = Path.Combine(root, "Loom.Coverage", "build", "Loom.Coverage");
    text = text.Replace("<Project Sdk=\"Microsoft.NET.Sdk\">", $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"{coverage}.props\" />", StringComparison.Ordinal);
    text = text.Replace("</Project>", $"""
          <ItemGroup>
            <ProjectReference Include="{Path.Combine(root, "Loom.Coverage.Collector", "Loom.Coverage.Collector.csproj")}" />
          </ItemGroup>
          <Import Project="{coverage}.targets" />
        </Project>
        """, StringComparison.Ordinal);
    File.WriteAllText(project, text);
    return folder;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static (int ExitCode, string Output, string Command) Run(string directory, Dictionary<string, string>? environment, string file, params string[] arguments)
{
    var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
        start.ArgumentList.Add(argument);
    start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    start.Environment["DOTNET_NOLOGO"] = "1";
    foreach (var (name, value) in environment ?? [])
        start.Environment[name] = value;
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    return (process.ExitCode, output.Result + error, $"{file} {string.Join(' ', arguments)}");
}

// Stops the benchmark when a step it depends on failed.
static (int ExitCode, string Output, string Command) Succeeded((int ExitCode, string Output, string Command) run) =>
    run.ExitCode == 0 ? run : throw new InvalidOperationException($"{run.Command} failed:\n{(run.Output.Length <= 4000 ? run.Output : "..." + run.Output[^4000..])}");

static string GeneratedFile(int index)
{
    // About 100 lines: a service with atomic, lock, clock, random, file and retry sites, and plain code between them.
    var text = new StringBuilder();
    text.Append(CultureInfo.InvariantCulture, $$"""
        using System;
        using System.IO;
        using System.Threading;

        namespace Generated;

        public sealed class Service{{index:000}}
        {
            private readonly object _gate = new();
            private int _count;
            private long _total;

        """);
    for (var method = 0; method < 6; method++)
    {
        text.Append(CultureInfo.InvariantCulture, $$"""
                public long Work{{method}}(int input)
                {
                    var local = input * {{method + 1}};
                    Interlocked.Increment(ref _count);
                    lock (_gate) { _total += local; }
                    if (local > 100) local -= DateTime.UtcNow.Millisecond;
                    // LOOM-RETRY-BEGIN: retries until the slot is free
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        if (Interlocked.CompareExchange(ref _count, 0, 0) >= 0) break;
                    }
                    // LOOM-RETRY-END
                    return local + Random.Shared.Next(3);
                }

            """);
    }
    text.Append("""
            public void Save(string path) => File.WriteAllText(path, _total.ToString());
        }

        """);
    return text.ToString();
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Loom.TestAdapters.sln")))
            return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository, or pass its root.");
}

static void CopyDirectory(string from, string to)
{
    Directory.CreateDirectory(to);
    foreach (var file in Directory.EnumerateFiles(from))
        File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    foreach (var dir in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj" or "TestResults")))
        CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
}
