using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Loom.Adapters.Tests.EndToEnd;

/// <summary>
/// One framework's fixture projects (VSTest and Microsoft.Testing.Platform), copied to a temporary folder and built
/// once for the whole collection, with what differs between frameworks: how a case is named and filtered. The copy
/// keeps the repository clean: failing fixture cases write regressions files beside their sources.
/// </summary>
public abstract class FixtureSet : IDisposable
{
    protected FixtureSet(string framework)
    {
        Framework = framework;
        RepositoryRoot = FixtureFiles.RepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), $"loom-{framework.ToLowerInvariant()}-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var fixtures = Path.Combine(RepositoryRoot, "tests", "fixtures");
        Directory.CreateDirectory(Root);
        File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(Root, "Directory.Build.props"));
        foreach (var name in new[] { framework + ".Fixture", framework + ".Fixture.Mtp" })
            FixtureFiles.Copy(Path.Combine(fixtures, name), Path.Combine(Root, name));
        Configuration = typeof(FixtureSet).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        VsTestProject = Path.Combine(Root, framework + ".Fixture");
        MtpProject = Path.Combine(Root, framework + ".Fixture.Mtp");
        foreach (var project in new[] { VsTestProject, MtpProject })
        {
            // The adapter is already built in this configuration (this test project references it); building it
            // again here could race with other test projects that build their own fixtures.
            var build = CommandRunner.Run(project, "dotnet", "build", "-c", Configuration, "--no-dependencies",
                "-p:LoomRepoRoot=" + RepositoryRoot + Path.DirectorySeparatorChar, "-nologo", "-v:q");
            if (build.ExitCode != 0)
                throw new InvalidOperationException("Building a fixture failed:\n" + build);
        }
        MtpExecutable = Path.Combine(MtpProject, "bin", Configuration, "net10.0", framework + ".Fixture.Mtp" + (OperatingSystem.IsWindows() ? ".exe" : ""));
    }

    public string Framework { get; }

    public string RepositoryRoot { get; }

    /// <summary>The temporary copy of the fixtures.</summary>
    public string Root { get; }

    public string Configuration { get; }

    public string VsTestProject { get; }

    public string MtpProject { get; }

    public string MtpExecutable { get; }

    /// <summary>A case's display name: <c>Method(label)</c> (NUnit) or <c>Method [label]</c> (MSTest).</summary>
    public abstract string CaseName(string method, string label, bool regression = false);

    /// <summary>The filter that selects one schedule case of a method.</summary>
    public abstract string ScheduleFilter(string methodKey, string schedule);

    /// <summary>The filter that selects one seed case.</summary>
    public abstract string SeedFilter(long seed);

    /// <summary>The filter that selects a method's regression cases.</summary>
    public abstract string RegressionFilter(string methodKey);

    /// <summary>The filter that selects one case by its full name.</summary>
    public abstract string FullNameFilter(string methodKey, string caseName);

    /// <summary>The filter that runs every case of one method.</summary>
    public virtual string MethodFilter(string methodKey) => "FullyQualifiedName=" + methodKey;

    /// <summary><c>dotnet test</c> on the VSTest fixture, with the detailed console logger so passing cases are listed too.</summary>
    public VsTestRun VsTest(params string[] arguments) =>
        new(CommandRunner.Run(VsTestProject, "dotnet",
            ["test", "--no-build", "-c", Configuration, "--logger", "console;verbosity=detailed", .. arguments]));

    /// <summary><c>dotnet test --list-tests</c> on the VSTest fixture: the discovered display names.</summary>
    public ListedTests VsTestList(params string[] arguments) =>
        ListedTests.FromVsTest(CommandRunner.Run(VsTestProject, "dotnet", ["test", "--no-build", "-c", Configuration, "--list-tests", .. arguments]));

    /// <summary>Runs the Microsoft.Testing.Platform fixture's test executable directly.</summary>
    public ProcessResult MtpExe(params string[] arguments) => CommandRunner.Run(MtpProject, MtpExecutable, arguments);

    /// <summary><c>dotnet test</c> in Microsoft.Testing.Platform mode (the fixture's global.json selects it).</summary>
    public ProcessResult MtpDotnetTest(params string[] arguments) =>
        CommandRunner.Run(MtpProject, "dotnet", ["test", "--no-build", "-c", Configuration, .. arguments]);

    public string VsTestSource(string fileName) => Path.Combine(VsTestProject, fileName);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
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

/// <summary>NUnit's fixtures: names <c>Method(label)</c>, properties with filter-safe values.</summary>
public sealed class NUnitFixtures : FixtureSet
{
    public NUnitFixtures()
        : base("NUnit")
    {
    }

    public override string CaseName(string method, string label, bool regression = false) =>
        regression ? $"{method}({label}, regression)" : $"{method}({label})";

    public override string ScheduleFilter(string methodKey, string schedule) =>
        $"FullyQualifiedName={methodKey}&LoomSchedule={schedule.Replace(' ', '_')}";

    public override string SeedFilter(long seed) => $"LoomSeed={seed}";

    public override string RegressionFilter(string methodKey) => $"FullyQualifiedName={methodKey}&LoomRegression=true";

    // NUnit3TestAdapter reads whitespace inside parentheses as part of the name; VSTest wants them escaped.
    public override string FullNameFilter(string methodKey, string caseName) =>
        "FullyQualifiedName=" + methodKey[..methodKey.LastIndexOf('.')] + "." + caseName.Replace("(", "\\(").Replace(")", "\\)");
}

/// <summary>MSTest's fixtures: names <c>Method [label]</c>, categories <c>Name:value</c>.</summary>
public sealed class MSTestFixtures : FixtureSet
{
    public MSTestFixtures()
        : base("MSTest")
    {
    }

    public override string CaseName(string method, string label, bool regression = false) =>
        regression ? $"{method} [{label}] (regression)" : $"{method} [{label}]";

    public override string ScheduleFilter(string methodKey, string schedule) =>
        $"FullyQualifiedName={methodKey}&TestCategory=LoomSchedule:{schedule}";

    public override string SeedFilter(long seed) => $"TestCategory=LoomSeed:{seed}";

    public override string RegressionFilter(string methodKey) => $"FullyQualifiedName={methodKey}&TestCategory=LoomRegression";

    // MSTest filters display names with Name; VSTest's syntax wants the parentheses of "(regression)" escaped.
    public override string FullNameFilter(string methodKey, string caseName) =>
        $"FullyQualifiedName={methodKey}&Name={caseName.Replace("(", "\\(").Replace(")", "\\)")}";
}
