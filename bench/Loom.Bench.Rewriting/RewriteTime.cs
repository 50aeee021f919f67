using System.Diagnostics;
using System.Globalization;
using Loom.Rewriting.Driver;
using Loom.Rewriting.Interception;
using Loom.Tests.EndToEnd;
using Mono.Cecil;

namespace Loom.Bench.Rewriting;

/// <summary>
/// How long the rewriter takes per assembly, by size: each assembly rewritten in this process (Mono.Cecil already
/// compiled by a first rewrite), median of 5. Loom's own and .NET's assemblies are among them only as sizes to
/// measure: the build never rewrites them.
/// </summary>
internal static class RewriteTime
{
    private const int Runs = 5;

    public static void Run(Report report)
    {
        var here = AppContext.BaseDirectory;
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] assemblies =
        [
            Original("Loom.Bench.PlainModels"),
            Path.Combine(here, "Mono.Cecil.Rocks.dll"),
            Path.Combine(framework, "System.Threading.Channels.dll"),
            Path.Combine(here, "Mono.Cecil.dll"),
            Path.Combine(here, "Loom.Core.dll"),
            Path.Combine(framework, "System.Net.Http.dll"),
        ];
        using var standIns = ModuleDefinition.ReadModule(Path.Combine(here, "Loom.Core.dll"), new ReaderParameters { InMemory = true });
        var rewriter = new AssemblyRewriter(InterceptionTable.Read(standIns));
        var output = Directory.CreateTempSubdirectory("loom-bench-rewrite-").FullName;
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(framework);
        resolver.AddSearchDirectory(here);
        rewriter.Rewrite(assemblies[0], Path.Combine(output, "warm-up.dll"), resolver);

        var rows = new List<string[]>();
        foreach (var assembly in assemblies)
        {
            var times = new List<double>();
            var sites = 0;
            for (var run = 0; run < Runs; run++)
            {
                var destination = Path.Combine(output, $"{run}-{Path.GetFileName(assembly)}");
                var clock = Stopwatch.StartNew();
                sites = rewriter.Rewrite(assembly, destination, resolver).TotalSites;
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            using var module = ModuleDefinition.ReadModule(assembly);
            var methods = module.GetTypes().Sum(t => t.Methods.Count(m => m.HasBody));
            rows.Add(
            [
                Path.GetFileName(assembly),
                (new FileInfo(assembly).Length / 1024.0).ToString("N0", CultureInfo.InvariantCulture),
                methods.ToString("N0", CultureInfo.InvariantCulture),
                sites.ToString("N0", CultureInfo.InvariantCulture),
                times[Runs / 2].ToString("N0", CultureInfo.InvariantCulture),
            ]);
        }
        Directory.Delete(output, recursive: true);
        report.Table(
            "Rewriting time per assembly",
            "AssemblyRewriter.Rewrite in one process, after a warm-up rewrite; median of 5. Read, all passes, and write with the PDB.",
            ["assembly", "size (KB)", "method bodies", "sites rewritten", "time (ms)"],
            rows);
    }

    /// <summary>A project reference's own output, not the rewritten copy in this project's output.</summary>
    private static string Original(string project)
    {
        var root = FixtureFiles.RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(root, "bench", project, "bin", configuration, "net10.0", project + ".dll");
    }
}
