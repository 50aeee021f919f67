using Loom.Tests.EndToEnd;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// A corpus of plain .NET programs (a class library under tests/fixtures) and its xUnit, NUnit and MSTest projects
/// (the library's name with <c>.Xunit</c>, <c>.NUnit</c>, <c>.MSTest</c>), copied out of the repository: the library
/// built once, then the three test projects built side by side (they only read the library's output), then
/// <c>dotnet test --no-build</c> on each, side by side too. The tests only read what the builds and runs printed.
/// </summary>
public abstract class CorpusBuild : IDisposable
{
    /// <summary>The frameworks the corpus tests are parameterized over, and what each one's test project adds to the library's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FrameworkProjectSuffixes = new Dictionary<string, string>
    {
        ["xunit"] = ".Xunit",
        ["nunit"] = ".NUnit",
        ["mstest"] = ".MSTest",
    };

    protected CorpusBuild(string library)
    {
        Library = library;
        TestProjects = FrameworkProjectSuffixes.ToDictionary(s => s.Key, s => library + s.Value);
        Fixture = new RewritingFixture([library, .. TestProjects.Values]);
        try
        {
            Fixture.MustBuild(library);
            var builds = TestProjects.ToDictionary(p => p.Key, p => Task.Run(() => Fixture.MustBuild(p.Value)));
            Task.WaitAll(builds.Values.ToArray<Task>());
            Builds = builds.ToDictionary(b => b.Key, b => b.Value.Result);
            var runs = TestProjects.ToDictionary(p => p.Key, p => Task.Run(() => Fixture.Test(p.Value)));
            Task.WaitAll(runs.Values.ToArray<Task>());
            Runs = runs.ToDictionary(r => r.Key, r => r.Value.Result);
        }
        catch
        {
            Fixture.Dispose();
            throw;
        }
    }

    /// <summary>The corpus library's project (and assembly) name.</summary>
    public string Library { get; }

    /// <summary>The test project of each framework, by the keys of <see cref="FrameworkProjectSuffixes"/>.</summary>
    public IReadOnlyDictionary<string, string> TestProjects { get; }

    public RewritingFixture Fixture { get; }

    /// <summary>Each framework's test project build (normal verbosity: the rewriter's lines are in it).</summary>
    public IReadOnlyDictionary<string, ProcessResult> Builds { get; }

    /// <summary>Each framework's <c>dotnet test</c> run.</summary>
    public IReadOnlyDictionary<string, VsTestRun> Runs { get; }

    public void Dispose() => Fixture.Dispose();
}
