using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Loom.Packaging.Tests;

/// <summary>
/// The consumer path, done once for the whole collection: pack the solution into a folder feed, copy the consumer
/// projects (tests/fixtures/Consumer.*) to a temporary folder outside the repository, restore them from that feed
/// plus the machine's usual package sources, build them, and run each with the real <c>dotnet test</c>, keeping
/// what every command printed for the tests to assert on.
/// </summary>
/// <remarks>
/// The packages get a version of their own for every run (<c>0.1.0-e2e.r…</c>): NuGet's global packages folder keeps
/// a package by id and version forever, so packing 0.1.0 again would leave the consumers on the copy a previous run
/// cached. A unique version restores the fresh packages while every third-party package still comes from the
/// shared cache (a private packages folder would extract all of them again, for tens of seconds). This run's
/// Loom packages are removed from the cache when the collection is done, so runs do not pile up there.
/// </remarks>
public sealed class PackagedConsumers : IDisposable
{
    /// <summary>The packages of the set, as dotnet pack must produce them.</summary>
    public static readonly string[] PackageIds = ["Loom.Core", "Loom.Xunit", "Loom.NUnit", "Loom.MSTest", "Loom.Coverage", "Loom.Coverage.Mtp"];

    private static readonly string[] Consumers = ["Consumer.Xunit", "Consumer.NUnit", "Consumer.NUnit.Mtp", "Consumer.MSTest", "Consumer.MSTest.Mtp", .. XunitConsumerRuns.Consumers];

    private static readonly string[] UnsupportedConsumers = ["Consumer.Unsupported.Net8", "Consumer.Unsupported.Xunit2x", "Consumer.Unsupported.XunitCoverageMtp"];

    private readonly string _globalPackages;

    public PackagedConsumers()
    {
        RepositoryRoot = FixtureFiles.RepositoryRoot();
        Configuration = typeof(PackagedConsumers).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        BaseVersion = ReadBaseVersion(RepositoryRoot);
        Version = $"{BaseVersion}-e2e.r{Guid.NewGuid().ToString("N")[..12]}";
        Root = Directory.CreateTempSubdirectory("loom-packaging-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        _globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // The projects are built in this configuration already (this project references them); building them
        // again could race with the other test projects of the solution, so pack only.
        Pack = Timed("pack", () => CommandRunner.Run(RepositoryRoot, "dotnet", "pack", "Loom.TestAdapters.sln", "-c", Configuration, "--no-build",
            "-o", Feed, "-p:Version=" + Version, "-nologo"));
        if (Pack.ExitCode != 0)
            throw new InvalidOperationException("dotnet pack failed:\n" + Pack);

        WriteConsumers();
        // Normal verbosity: the rewriter says per assembly what it rewrote, and the tests read it.
        Build = Timed("restore and build the consumers", () => CommandRunner.Run(Root, "dotnet", "build", "Consumers.slnx", "-nologo", "-v:n", "-tl:off"));
        if (Build.ExitCode != 0)
            throw new InvalidOperationException("Restoring and building the consumer projects from the packages failed:\n" + Build);
        // Each of these must fail; one build, so that they restore and are checked side by side.
        Unsupported = Timed("build the unsupported consumers", () => CommandRunner.Run(Root, "dotnet", "build", "Unsupported.slnx", "-nologo", "-v:q"));

        XunitCoverageResults = Path.Combine(Root, "results", "xunit");
        XunitVsTest = new VsTestRun(Timed("xUnit under VSTest with loom-coverage", () =>
            DotnetVsTest("Consumer.Xunit", "--collect", "loom-coverage", "--results-directory", XunitCoverageResults)));
        XunitMtp = new MtpRun(Timed("xUnit under Microsoft.Testing.Platform", () => DotnetMtpTest("Consumer.Xunit")));
        NUnitCoverageResults = Path.Combine(Root, "results", "nunit");
        NUnitVsTest = new VsTestRun(Timed("NUnit under VSTest with loom-coverage", () =>
            DotnetVsTest("Consumer.NUnit", "--collect", "loom-coverage", "--results-directory", NUnitCoverageResults)));
        NUnitMtpCoverageResults = Path.Combine(Root, "results", "nunit-mtp");
        NUnitMtp = new MtpRun(Timed("NUnit under Microsoft.Testing.Platform with --loom-coverage", () =>
            DotnetMtpTest("Consumer.NUnit.Mtp", "--loom-coverage", "--results-directory", NUnitMtpCoverageResults)));
        MSTestVsTestCoverageResults = Path.Combine(Root, "results", "mstest");
        MSTestVsTest = new VsTestRun(Timed("MSTest under VSTest with loom-coverage", () =>
            DotnetVsTest("Consumer.MSTest", "--collect", "loom-coverage", "--results-directory", MSTestVsTestCoverageResults)));
        MSTestCoverageResults = Path.Combine(Root, "results", "mstest-mtp");
        MSTestMtp = new MtpRun(Timed("MSTest under Microsoft.Testing.Platform with --loom-coverage", () =>
            DotnetMtpTest("Consumer.MSTest.Mtp", "--loom-coverage", "--results-directory", MSTestCoverageResults)));
        XunitLines = new XunitConsumerRuns(Root, Path.Combine(Root, "mtp"), Timings);
        Xunit4VsTestCoverageResults = Path.Combine(Root, "results", "xunit4");
        Xunit4VsTestCoverage = new VsTestRun(Timed("xUnit 4 under VSTest with loom-coverage", () =>
            DotnetVsTest("Consumer.Xunit4.VsTest", "--collect", "loom-coverage", "--results-directory", Xunit4VsTestCoverageResults)));
        Xunit4MtpCoverageResults = Path.Combine(Root, "results", "xunit4-mtp");
        Xunit4MtpCoverage = new MtpRun(Timed("xUnit 4 under Microsoft.Testing.Platform with --loom-coverage", () =>
            DotnetMtpTest("Consumer.Xunit4.Mtp", "--loom-coverage", "--results-directory", Xunit4MtpCoverageResults)));

        // For the record (docs/packaging.md quotes them): beside this test assembly, overwritten by every run.
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "packaging-timings.txt"),
            Timings.Select(t => $"{t.Step}: {t.Elapsed.TotalSeconds:0.0} s"));
    }

    public string RepositoryRoot { get; }

    public string Configuration { get; }

    /// <summary>The set's version in Directory.Build.props.</summary>
    public string BaseVersion { get; }

    /// <summary>This run's version of every package.</summary>
    public string Version { get; }

    /// <summary>The temporary folder: the feed, the consumers and their results.</summary>
    public string Root { get; }

    public string Feed { get; }

    public ProcessResult Pack { get; }

    public ProcessResult Build { get; }

    /// <summary>The build of the consumers Loom does not support (tests/fixtures/Consumer.Unsupported.*).</summary>
    public ProcessResult Unsupported { get; }

    public VsTestRun XunitVsTest { get; }

    public string XunitCoverageResults { get; }

    public MtpRun XunitMtp { get; }

    public VsTestRun NUnitVsTest { get; }

    /// <summary>Where the NUnit consumer's VSTest run with loom-coverage wrote its results.</summary>
    public string NUnitCoverageResults { get; }

    /// <summary>Where the NUnit consumer's platform run with --loom-coverage wrote its results.</summary>
    public string NUnitMtpCoverageResults { get; }

    /// <summary>Where the MSTest consumer's VSTest run with loom-coverage wrote its results.</summary>
    public string MSTestVsTestCoverageResults { get; }

    public MtpRun NUnitMtp { get; }

    public VsTestRun MSTestVsTest { get; }

    public MtpRun MSTestMtp { get; }

    public string MSTestCoverageResults { get; }

    /// <summary>The xUnit consumers on xUnit 3.x and 4.x under both runners, run the ways docs/xunit.md describes.</summary>
    public XunitConsumerRuns XunitLines { get; }

    /// <summary>The xUnit 4 consumer under VSTest with the loom-coverage collector (Loom.Coverage).</summary>
    public VsTestRun Xunit4VsTestCoverage { get; }

    /// <summary>Where that run wrote its results.</summary>
    public string Xunit4VsTestCoverageResults { get; }

    /// <summary>The xUnit 4 consumer on the platform with --loom-coverage (Loom.Coverage.Mtp and coverlet.MTP).</summary>
    public MtpRun Xunit4MtpCoverage { get; }

    /// <summary>Where that run wrote its results.</summary>
    public string Xunit4MtpCoverageResults { get; }

    /// <summary>How long each step took.</summary>
    public List<(string Step, TimeSpan Elapsed)> Timings { get; } = [];

    public Package Package(string id) => new(Feed, id, Version);

    public void Dispose()
    {
        foreach (var id in PackageIds)
        {
            var folder = Path.Combine(_globalPackages, id.ToLowerInvariant());
            TryDelete(Path.Combine(folder, Version));
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                TryDelete(folder);
        }
        if (Environment.GetEnvironmentVariable("LOOM_KEEP_E2E") is null)
            TryDelete(Root);
    }

    private ProcessResult Timed(string step, Func<ProcessResult> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        Timings.Add((step, watch.Elapsed));
        return result;
    }

    /// <summary><c>dotnet test</c> in the consumer's folder: VSTest, with the detailed logger so passing cases are listed.</summary>
    private ProcessResult DotnetVsTest(string consumer, params string[] arguments)
    {
        ForgetRegressions();
        return CommandRunner.Run(Path.Combine(Root, consumer), "dotnet", ["test", "--no-build", "--logger", "console;verbosity=detailed", .. arguments]);
    }

    /// <summary><c>dotnet test</c> in Microsoft.Testing.Platform mode, chosen by the global.json of the folder it runs in.</summary>
    private ProcessResult DotnetMtpTest(string consumer, params string[] arguments)
    {
        ForgetRegressions();
        return CommandRunner.Run(Path.Combine(Root, "mtp"), "dotnet",
            ["test", "--project", Path.Combine(Root, consumer, consumer + ".csproj"), "--no-build", "--output", "detailed", .. arguments]);
    }

    // A failing schedule is recorded beside its test file and rerun first as a regression case from then on; each
    // run here starts as a user's first run does, so that every run lists the same cases.
    private void ForgetRegressions()
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*.loom-regressions", SearchOption.AllDirectories))
            File.Delete(file);
    }

    private void WriteConsumers()
    {
        var fixtures = Path.Combine(RepositoryRoot, "tests", "fixtures");
        foreach (var name in Directory.EnumerateDirectories(fixtures, "Consumer.*").Select(Path.GetFileName))
            FixtureFiles.Copy(Path.Combine(fixtures, name!), Path.Combine(Root, name!));

        // Outside the repository nothing of its Directory.Build.props/targets applies; these stand in for a user's.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <LoomPackageVersion>{Version}</LoomPackageVersion>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        // The feed is added to the package sources the machine already has (no <clear />): everything else restores
        // from the normal source, as for a user who tries a local build of the packages.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="loom-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(Root, "Consumers.slnx"), Solution(Consumers));
        File.WriteAllText(Path.Combine(Root, "Unsupported.slnx"), Solution(UnsupportedConsumers));
        Directory.CreateDirectory(Path.Combine(Root, "mtp"));
        File.WriteAllText(Path.Combine(Root, "mtp", "global.json"), """
            {
              "test": {
                "runner": "Microsoft.Testing.Platform"
              }
            }
            """);
    }

    private static string Solution(IEnumerable<string> projects) =>
        "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}/{p}.csproj\" />\n")) + "</Solution>\n";

    private static string ReadBaseVersion(string repositoryRoot)
    {
        var props = File.ReadAllText(Path.Combine(repositoryRoot, "Directory.Build.props"));
        var match = Regex.Match(props, @"<Version>([^<]+)</Version>");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("Directory.Build.props sets no <Version>.");
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A runner still holds a file; the folder is in the temp directory (or the package cache) and harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // The same, on a platform that reports it this way.
        }
    }
}
