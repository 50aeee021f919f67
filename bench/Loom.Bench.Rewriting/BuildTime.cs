using System.Diagnostics;
using System.Globalization;
using Loom.Tests.EndToEnd;

namespace Loom.Bench.Rewriting;

/// <summary>
/// The build time rewriting adds to a test project: the ticket-office fixture (tests/fixtures/Rewriting.Xunit over
/// Rewriting.Library) built with and without rewriting, cold (its bin/ and obj/ outputs deleted, the restore kept)
/// and incremental (nothing changed), in alternating rounds. The Loom projects are built already.
/// </summary>
internal static class BuildTime
{
    private const int Rounds = 3;

    public static void Run(Report report)
    {
        var root = FixtureFiles.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("loom-bench-build-").FullName;
        var fixtures = Path.Combine(root, "tests", "fixtures");
        File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(work, "Directory.Build.props"));
        foreach (var project in new[] { "Rewriting.Library", "Rewriting.Xunit" })
            FixtureFiles.Copy(Path.Combine(fixtures, project), Path.Combine(work, project));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        Dotnet(Path.Combine(work, "Rewriting.Library"), "build", "-c", configuration, "-nologo", "-v:q");
        var test = Path.Combine(work, "Rewriting.Xunit");
        Dotnet(test, "restore", "-p:LoomRepoRoot=" + root + Path.DirectorySeparatorChar);

        var times = new Dictionary<(bool Rewrite, bool Cold), List<double>>();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var rewrite in new[] { false, true })
            {
                if (Directory.Exists(Path.Combine(test, "bin")))
                    Directory.Delete(Path.Combine(test, "bin"), recursive: true);
                foreach (var dir in Directory.GetDirectories(Path.Combine(test, "obj")))
                    Directory.Delete(dir, recursive: true);
                Add(times, (rewrite, true), Time(test, configuration, root, rewrite));
                Add(times, (rewrite, false), Time(test, configuration, root, rewrite));
            }
        }
        Directory.Delete(work, recursive: true);

        string Median((bool, bool) key)
        {
            var values = times[key];
            values.Sort();
            return values[values.Count / 2].ToString("0.00", CultureInfo.InvariantCulture);
        }
        report.Table(
            "Build time added to a test project",
            "`dotnet build --no-restore --no-dependencies` of tests/fixtures/Rewriting.Xunit (over Rewriting.Library), seconds, median of 3 alternating rounds. " +
            "Cold: the test project's bin/ and obj/ outputs deleted first; incremental: built again with nothing changed (the rewriter only copies from its cache).",
            ["build", "LoomRewrite=false (s)", "rewriting on (s)"],
            [
                ["cold", Median((false, true)), Median((true, true))],
                ["incremental", Median((false, false)), Median((true, false))],
            ]);
    }

    private static double Time(string project, string configuration, string root, bool rewrite)
    {
        var clock = Stopwatch.StartNew();
        Dotnet(project, "build", "--no-restore", "--no-dependencies", "-c", configuration, "-nologo", "-v:q",
            "-p:LoomRepoRoot=" + root + Path.DirectorySeparatorChar, "-p:LoomRewrite=" + (rewrite ? "true" : "false"));
        return clock.Elapsed.TotalSeconds;
    }

    private static void Add(Dictionary<(bool, bool), List<double>> times, (bool, bool) key, double value)
    {
        if (!times.TryGetValue(key, out var list))
            times[key] = list = new List<double>();
        list.Add(value);
    }

    private static void Dotnet(string directory, params string[] arguments)
    {
        var result = CommandRunner.Run(directory, "dotnet", arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {directory}:\n{result}");
    }
}
