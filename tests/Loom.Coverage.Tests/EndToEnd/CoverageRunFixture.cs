using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace Loom.Coverage.Tests.EndToEnd;

/// <summary>
/// Copies the coverage fixtures (tests/fixtures/Coverage.*) to a temporary folder, builds them, and runs each
/// once for every end-to-end test: <c>dotnet test --collect loom-coverage</c> on the VSTest (xUnit v3) project, and
/// the Microsoft.Testing.Platform (MSTest, with coverlet.MTP) test application with <c>--loom-coverage</c> (given in a
/// response file).
/// </summary>
public sealed class CoverageRunFixture : IDisposable
{
    public CoverageRunFixture()
    {
        RepositoryRoot = FixtureFiles.RepositoryRoot();
        Root = Directory.CreateTempSubdirectory("loom-coverage-e2e-").FullName;
        var fixtures = Path.Combine(RepositoryRoot, "tests", "fixtures");
        File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(Root, "Directory.Build.props"));
        foreach (var project in Projects)
            FixtureFiles.Copy(Path.Combine(fixtures, project), Path.Combine(Root, project));
        _configuration = typeof(CoverageRunFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        // Loom.Core and the collector are built in this configuration already (this project references them);
        // building them again could race with the other test projects of the solution.
        foreach (var project in Projects)
        {
            var build = CommandRunner.Run(Path.Combine(Root, project), "dotnet", "build", "-c", _configuration, "--no-dependencies",
                "-p:LoomRepoRoot=" + RepositoryRoot + Path.DirectorySeparatorChar, "-nologo", "-v:q");
            if (build.ExitCode != 0)
                throw new InvalidOperationException($"Building the fixture {project} failed:\n{build.Output}");
        }

        Results = Path.Combine(Root, "results");
        var test = DotnetTest("Coverage.Xunit", "--results-directory", Results);
        TestOutput = test.Output;
        TestExitCode = test.ExitCode;
        JsonReport = ReportIn(Results, "the xUnit fixture", TestOutput);
        HtmlReport = Directory.EnumerateFiles(Results, "loom-coverage.html", SearchOption.AllDirectories).SingleOrDefault();
        Json = JsonDocument.Parse(File.ReadAllText(JsonReport));

        var nunit = DotnetTestNUnit("--results-directory", Path.Combine(Root, "nunit-results"));
        NUnitOutput = nunit.Output;
        NUnitExitCode = nunit.ExitCode;
        NUnitJson = JsonDocument.Parse(File.ReadAllText(ReportIn(Path.Combine(Root, "nunit-results"), "the NUnit fixture", NUnitOutput)));

        var mstest = DotnetTest("Coverage.MSTest", "--results-directory", Path.Combine(Root, "mstest-results"));
        MSTestOutput = mstest.Output;
        MSTestExitCode = mstest.ExitCode;
        MSTestJson = JsonDocument.Parse(File.ReadAllText(ReportIn(Path.Combine(Root, "mstest-results"), "the MSTest fixture", MSTestOutput)));

        MtpResults = Path.Combine(Root, "mtp-results");
        var application = Executable("Coverage.MSTest.Mtp");
        // The option comes in a response file, as a CI script may give it: the platform's own parse must find it there
        // (the packaged consumers give it on the command line).
        var responseFile = Path.Combine(Root, "loom-coverage.rsp");
        File.WriteAllText(responseFile, "# the run's options\n--loom-coverage\n");
        var mtp = CommandRunner.Run(Path.Combine(Root, "Coverage.MSTest.Mtp"), application, "@" + responseFile, "--results-directory", MtpResults);
        MtpOutput = mtp.Output;
        MtpExitCode = mtp.ExitCode;
        var mtpJson = Path.Combine(MtpResults, "loom-coverage.json");
        if (!File.Exists(mtpJson))
            throw new InvalidOperationException($"The test application run with --loom-coverage wrote no loom-coverage.json:\n{MtpOutput}");
        MtpJson = JsonDocument.Parse(File.ReadAllText(mtpJson));
    }

    /// <summary>The fixture projects this run copies and builds.</summary>
    private static readonly string[] Projects =
        ["Coverage.Library", "Coverage.Xunit", "Coverage.NUnit", "Coverage.MSTest", "Coverage.MSTest.Mtp", "Coverage.RecordingProbe"];

    private readonly string _configuration;

    /// <summary>The built program of a fixture project that is an application.</summary>
    public string Executable(string project) =>
        Path.Combine(Root, project, "bin", _configuration, "net10.0", project + (OperatingSystem.IsWindows() ? ".exe" : ""));

    /// <summary><c>dotnet test --collect loom-coverage</c> on the NUnit fixture, with more arguments.</summary>
    public ProcessResult DotnetTestNUnit(params string[] arguments) => DotnetTest("Coverage.NUnit", arguments);

    /// <summary>The one loom-coverage.json a <c>dotnet test</c> run wrote under <paramref name="results"/>.</summary>
    private static string ReportIn(string results, string project, string output) =>
        Directory.EnumerateFiles(results, "loom-coverage.json", SearchOption.AllDirectories).SingleOrDefault()
            ?? throw new InvalidOperationException($"dotnet test --collect loom-coverage on {project} wrote no loom-coverage.json:\n{output}");

    private ProcessResult DotnetTest(string project, params string[] arguments) =>
        CommandRunner.Run(Path.Combine(Root, project), "dotnet",
            ["test", "--no-build", "-c", _configuration, "-p:LoomRepoRoot=" + RepositoryRoot + Path.DirectorySeparatorChar, "--collect", "loom-coverage", .. arguments]);

    public string MSTestOutput { get; }

    public int MSTestExitCode { get; }

    public JsonDocument MSTestJson { get; }

    public string NUnitOutput { get; }

    public int NUnitExitCode { get; }

    public JsonDocument NUnitJson { get; }

    public string MtpResults { get; }

    public string MtpOutput { get; }

    public int MtpExitCode { get; }

    public JsonDocument MtpJson { get; }

    public string RepositoryRoot { get; }

    /// <summary>The temporary copy of the fixtures.</summary>
    public string Root { get; }

    public string Results { get; }

    public string TestOutput { get; }

    public int TestExitCode { get; }

    public string JsonReport { get; }

    public string? HtmlReport { get; }

    public JsonDocument Json { get; }

    public string Library(string file) => Path.Combine(Root, "Coverage.Library", file);

    public void Dispose()
    {
        Json.Dispose();
        MtpJson.Dispose();
        NUnitJson.Dispose();
        MSTestJson.Dispose();
        if (Environment.GetEnvironmentVariable("LOOM_KEEP_E2E") is null)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A runner still holds a file; the folder is in the temp directory and harmless.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CoverageRunCollection : ICollectionFixture<CoverageRunFixture>
{
    public const string Name = "loom-coverage end-to-end run";
}
