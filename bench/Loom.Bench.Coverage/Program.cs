using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Loom.Coverage;

// Usage: dotnet run -c Release --project bench/Loom.Bench.Coverage -- [repository root] [--no-scan]
// 1. Scan: generates a library of 50,000 lines (500 files) with sites of every category, builds it, and times the
//    whole catalog step (PDB reading, Roslyn compilation, symbol scan) as the collector runs it, three times.
// 2. Test run: builds the coverage fixture test project and times 'dotnet test' without and with
//    '--collect loom-coverage' (which also runs Coverlet), three times each, and reports the medians.
var root = Path.GetFullPath(args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? FindRoot());
var scanToo = !args.Contains("--no-scan");
var work = Directory.CreateTempSubdirectory("loom-coverage-bench-").FullName;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; date: {DateTime.UtcNow:yyyy-MM-dd}");

if (scanToo)
{
    // --- scan time ---
    var library = Path.Combine(work, "Generated");
    Directory.CreateDirectory(library);
    // Stop MSBuild from importing build files of folders above the temporary one.
    File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
    File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
    File.WriteAllText(Path.Combine(library, "Generated.csproj"), """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>disable</ImplicitUsings><GenerateDocumentationFile>false</GenerateDocumentationFile><TreatWarningsAsErrors>false</TreatWarningsAsErrors></PropertyGroup>
        </Project>
        """);
    var lines = 0;
    for (var file = 0; file < 500; file++)
    {
        var text = GeneratedFile(file);
        lines += text.Count(c => c == '\n');
        File.WriteAllText(Path.Combine(library, $"Service{file:000}.cs"), text);
    }
    Run(library, "dotnet", "build", "-c", "Release", "-nologo", "-v:q");
    var dll = Path.Combine(library, "bin", "Release", "net10.0", "Generated.dll");
    var scans = Enumerable.Range(0, 3).Select(_ =>
    {
        var options = new CoverageRunOptions { OutputFolder = Path.Combine(work, "scan-out") };
        options.TestAssemblies.Add(dll);
        var clock = Stopwatch.StartNew();
        var result = CoverageRun.Produce(options);
        clock.Stop();
        Console.WriteLine($"  scan: {clock.Elapsed.TotalSeconds:0.00} s, {result.Report.Results.Count} sites");
        return clock.Elapsed.TotalSeconds;
    }).ToList();
    Console.WriteLine($"scan of {lines:N0} lines in 500 files: median {Median(scans):0.00} s (first run includes JIT: {scans[0]:0.00} s)");

}

// --- test-run time ---
var fixtures = Path.Combine(work, "fixtures");
Directory.CreateDirectory(fixtures);
File.Copy(Path.Combine(root, "tests", "fixtures", "Directory.Build.props"), Path.Combine(fixtures, "Directory.Build.props"));
foreach (var project in new[] { "Coverage.Library", "Coverage.Xunit" })
    CopyDirectory(Path.Combine(root, "tests", "fixtures", project), Path.Combine(fixtures, project));
var repo = "-p:LoomRepoRoot=" + root + Path.DirectorySeparatorChar;
var tests = Path.Combine(fixtures, "Coverage.Xunit");
Run(tests, "dotnet", "build", "-c", "Release", repo, "-nologo", "-v:q");
double Time(params string[] extra)
{
    var clock = Stopwatch.StartNew();
    Run(tests, "dotnet", ["test", "--no-build", "-c", "Release", repo, .. extra]);
    return clock.Elapsed.TotalSeconds;
}
Time(); // warm the file cache and the build server
var plain = Enumerable.Range(0, 3).Select(_ => Time()).ToList();
var coverlet = Enumerable.Range(0, 3).Select(_ => Time("--collect", "XPlat Code Coverage")).ToList();
var covered = Enumerable.Range(0, 3).Select(_ => Time("--collect", "loom-coverage")).ToList();
Console.WriteLine($"dotnet test (fixture, 4 tests): without collector median {Median(plain):0.00} s [{string.Join(", ", plain.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"dotnet test --collect \"XPlat Code Coverage\" only:  median {Median(coverlet):0.00} s [{string.Join(", ", coverlet.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"dotnet test --collect loom-coverage:                median {Median(covered):0.00} s [{string.Join(", ", covered.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}]");
Console.WriteLine($"ratio: {Median(covered) / Median(plain):0.00}x (Coverlet alone: {Median(coverlet) / Median(plain):0.00}x)");
Directory.Delete(work, recursive: true);

static double Median(System.Collections.Generic.List<double> values) => values.Order().ElementAt(values.Count / 2);

static void Run(string directory, string file, params string[] arguments)
{
    var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
        start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed:\n{Tail(output.Result)}\n{Tail(error)}");
}

static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];

static string GeneratedFile(int index)
{
    // 100 lines: a service with atomic, lock, clock, random, file and retry sites, and plain code between them.
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
