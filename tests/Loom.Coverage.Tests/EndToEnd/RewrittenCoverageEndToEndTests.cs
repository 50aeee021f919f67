using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// The NUnit coverage fixture built a second time, in a copy of its own, with the test build's rewriter on (as a
/// package reference to Loom.NUnit turns it on): the rewritten assemblies and their new PDBs must give the same
/// report as the fixture built without rewriting, site for site and line for line.
/// </summary>
[Collection(CoverageRunCollection.Name)]
public class RewrittenCoverageEndToEndTests(CoverageRunFixture run)
{
    [Fact]
    public void With_rewriting_on_loom_coverage_reports_the_same_sites_lines_and_statuses()
    {
        var root = Directory.CreateTempSubdirectory("loom-coverage-rewritten-").FullName;
        try
        {
            var fixtures = Path.Combine(run.RepositoryRoot, "tests", "fixtures");
            File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
            foreach (var name in new[] { "Coverage.Library", "Coverage.NUnit" })
                FixtureFiles.Copy(Path.Combine(fixtures, name), Path.Combine(root, name));
            var configuration = typeof(RewrittenCoverageEndToEndTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var repo = "-p:LoomRepoRoot=" + run.RepositoryRoot + Path.DirectorySeparatorChar;
            var project = Path.Combine(root, "Coverage.NUnit");

            // With --no-dependencies the library is built first, as the shared fixture does.
            var library = CommandRunner.Run(Path.Combine(root, "Coverage.Library"), "dotnet", "build", "-c", configuration, "--no-dependencies", repo, "-nologo", "-v:q");
            Assert.True(library.ExitCode == 0, library.Output);
            var build = CommandRunner.Run(project, "dotnet", "build", "-c", configuration, "--no-dependencies", repo, "-p:LoomFixtureRewrite=true", "-nologo", "-v:n", "-tl:off");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Matches(@"Loom\.Rewriting: Coverage\.Library\.dll: \d+ call sites rewritten", build.Output);
            var results = Path.Combine(root, "results");
            var test = CommandRunner.Run(project, "dotnet", "test", "--no-build", "-c", configuration, repo, "-p:LoomFixtureRewrite=true",
                "--collect", "loom-coverage", "--results-directory", results);
            Assert.True(test.ExitCode == 0, test.Output);

            using var json = JsonDocument.Parse(File.ReadAllText(Directory.EnumerateFiles(results, "loom-coverage.json", SearchOption.AllDirectories).Single()));
            Assert.Equal(Sites(run.NUnitJson), Sites(json));
            Assert.Equal(run.NUnitJson.RootElement.GetProperty("summary").GetRawText(), json.RootElement.GetProperty("summary").GetRawText());
            Assert.Contains("sync        4/5 (80.0%)", test.Output);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("LOOM_KEEP_E2E") is null)
                Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Each site as file, line span, category and status, in the report's order.</summary>
    private static string[] Sites(JsonDocument report) =>
        report.RootElement.GetProperty("sites").EnumerateArray()
            .Select(s => $"{Path.GetFileName(s.GetProperty("file").GetString())}:{s.GetProperty("line").GetInt32()} {s.GetProperty("category").GetString()} {s.GetProperty("status").GetString()}")
            .ToArray();
}
