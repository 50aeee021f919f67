using System.Reflection;
using Loom.Tests.EndToEnd;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// A copy of fixture projects in a temporary folder, built as a user's would be: a class library of plain .NET code
/// built first, then a test project over it built with <c>--no-dependencies</c> (the Loom projects are already built
/// in this configuration, since this test project references them).
/// </summary>
public sealed class RewritingFixture : IDisposable
{
    public RewritingFixture(params string[] projects)
    {
        RepositoryRoot = FixtureFiles.RepositoryRoot();
        Root = Directory.CreateTempSubdirectory("loom-rewriting-e2e-").FullName;
        Configuration = typeof(RewritingFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var fixtures = Path.Combine(RepositoryRoot, "tests", "fixtures");
        File.Copy(Path.Combine(fixtures, "Directory.Build.props"), Path.Combine(Root, "Directory.Build.props"));
        foreach (var project in projects)
            FixtureFiles.Copy(Path.Combine(fixtures, project), Path.Combine(Root, project));
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Configuration { get; }

    public string ProjectDirectory(string project) => Path.Combine(Root, project);

    public string OutputOf(string project, string file) => Path.Combine(Root, project, "bin", Configuration, "net10.0", file);

    public string IntermediateOf(string project, string file) => Path.Combine(Root, project, "obj", Configuration, "net10.0", file);

    /// <summary><c>dotnet build</c> of one project, at normal verbosity so the rewriter's messages are in the output.</summary>
    public ProcessResult Build(string project, params string[] arguments) =>
        CommandRunner.Run(ProjectDirectory(project), "dotnet",
            ["build", "-c", Configuration, "--no-dependencies", "-p:LoomRepoRoot=" + RepositoryRoot + Path.DirectorySeparatorChar, "-nologo", "-v:n", "-tl:off", .. arguments]);

    /// <summary>Builds <paramref name="project"/> and throws with the output if it fails.</summary>
    public ProcessResult MustBuild(string project, params string[] arguments)
    {
        var result = Build(project, arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Building {project} failed:\n{result}");
        return result;
    }

    /// <summary><c>dotnet test --no-build</c> with the detailed console logger, so passing cases are listed too.</summary>
    public VsTestRun Test(string project, params string[] arguments) =>
        new(CommandRunner.Run(ProjectDirectory(project), "dotnet",
            ["test", "--no-build", "-c", Configuration, "-p:LoomRepoRoot=" + RepositoryRoot + Path.DirectorySeparatorChar, "--logger", "console;verbosity=detailed", .. arguments]));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("LOOM_KEEP_E2E") is not null)
            return;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test host still closing can hold a file for a moment; the folder is in the temporary directory.
        }
    }
}
