using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Loom.Xunit.Tests.EndToEnd;

/// <summary>
/// Copies tests/fixtures to a temporary folder and builds the fixture projects once for the whole end-to-end
/// collection. The copy keeps the repository clean: failing fixture cases write regressions files beside their
/// sources, and the tests read and edit those files.
/// </summary>
public sealed class FixtureBuild : IDisposable
{
    public FixtureBuild()
    {
        RepositoryRoot = FixtureFiles.RepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "loom-xunit-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        // Only the xUnit fixtures and the shared props: other components keep their own fixtures in the same folder.
        var fixtures = Path.Combine(RepositoryRoot, "tests", "fixtures");
        Directory.CreateDirectory(Root);
        File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(Root, "Directory.Build.props"));
        foreach (var name in new[] { "Xunit.Fixture", "Xunit.Fixture.Mtp" })
            FixtureFiles.Copy(Path.Combine(fixtures, name), Path.Combine(Root, name));
        Configuration = typeof(FixtureBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        VsTestProject = Path.Combine(Root, "Xunit.Fixture");
        MtpProject = Path.Combine(Root, "Xunit.Fixture.Mtp");
        foreach (var project in new[] { VsTestProject, MtpProject })
        {
            // Loom.Xunit is already built in this configuration (this test project references it); building it
            // again here could race with other test projects that build their own fixtures.
            var build = CommandRunner.Run(project, "dotnet", "build", "-c", Configuration, "--no-dependencies",
                "-p:LoomRepoRoot=" + RepositoryRoot + Path.DirectorySeparatorChar, "-nologo", "-v:q");
            if (build.ExitCode != 0)
                throw new InvalidOperationException("Building a fixture failed:\n" + build);
        }
        MtpExecutable = Path.Combine(MtpProject, "bin", Configuration, "net10.0", "Xunit.Fixture.Mtp" + (OperatingSystem.IsWindows() ? ".exe" : ""));
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary copy of tests/fixtures.</summary>
    public string Root { get; }

    public string Configuration { get; }

    public string VsTestProject { get; }

    public string MtpProject { get; }

    public string MtpExecutable { get; }

    /// <summary><c>dotnet test</c> on the VSTest fixture, with the detailed console logger so passing cases are listed too.</summary>
    public VsTestRun VsTest(params string[] arguments) => VsTest(new Dictionary<string, string>(), arguments);

    /// <summary><c>dotnet test</c> on the VSTest fixture with extra environment variables (<c>LOOM_SHARD</c>).</summary>
    public VsTestRun VsTest(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(CommandRunner.Run(VsTestProject, environment, "dotnet",
            ["test", "--no-build", "-c", Configuration, "--logger", "console;verbosity=detailed", .. arguments]));

    /// <summary><c>dotnet test --list-tests</c> on the VSTest fixture: the discovered display names.</summary>
    public ListedTests VsTestList(params string[] arguments) => VsTestList(new Dictionary<string, string>(), arguments);

    /// <summary><c>dotnet test --list-tests</c> on the VSTest fixture with extra environment variables.</summary>
    public ListedTests VsTestList(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ListedTests.FromVsTest(CommandRunner.Run(VsTestProject, environment, "dotnet", ["test", "--no-build", "-c", Configuration, "--list-tests", .. arguments]));

    /// <summary>Runs the Microsoft.Testing.Platform fixture's test executable directly.</summary>
    public ProcessResult MtpExe(params string[] arguments) => CommandRunner.Run(MtpProject, MtpExecutable, arguments);

    /// <summary><c>dotnet test</c> in Microsoft.Testing.Platform mode (the fixture's global.json selects it).</summary>
    public ProcessResult MtpDotnetTest(params string[] arguments) =>
        CommandRunner.Run(MtpProject, "dotnet", ["test", "--no-build", "-c", Configuration, .. arguments]);

    public string VsTestSource(string fileName) => Path.Combine(VsTestProject, fileName);

    public void Dispose()
    {
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
public sealed class EndToEndCollection : ICollectionFixture<FixtureBuild>
{
    public const string Name = "End-to-end (fixture projects)";
}
