using Loom.Tests.EndToEnd;
using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// The fixture for <see cref="UnseenCodeEndToEndTests"/>: the test project over Microsoft.Extensions.ObjectPool
/// (tests/fixtures/Rewriting.Unseen.Xunit) built and run as it is, without naming the package, then built and run
/// again naming it.
/// </summary>
public sealed class UnseenPoolRuns : IDisposable
{
    private const string Project = "Rewriting.Unseen.Xunit";

    public UnseenPoolRuns()
    {
        Fixture = new RewritingFixture(Project);
        Unnamed = Fixture.Build(Project);
        UnnamedRun = Fixture.Test(Project);
        Named = Fixture.MustBuild(Project, "-p:LoomFixtureNamesPool=true");
        NamedRun = Fixture.Test(Project);
    }

    public RewritingFixture Fixture { get; }

    /// <summary>The build without <c>LoomRewriteAssembly</c>.</summary>
    public ProcessResult Unnamed { get; }

    public VsTestRun UnnamedRun { get; }

    /// <summary>The build with <c>&lt;LoomRewriteAssembly Include="Microsoft.Extensions.ObjectPool" /&gt;</c>.</summary>
    public ProcessResult Named { get; }

    public VsTestRun NamedRun { get; }

    public void Dispose() => Fixture.Dispose();
}

public class UnseenCodeEndToEndTests : IClassFixture<UnseenPoolRuns>
{
    private const string Theory = "Rewriting.Unseen.Xunit.PooledBuilderTests.Pooled_builders_are_never_shared";
    private const string Item = "<LoomRewriteAssembly Include=\"Microsoft.Extensions.ObjectPool\" />";

    private readonly UnseenPoolRuns _runs;

    public UnseenCodeEndToEndTests(UnseenPoolRuns runs) => _runs = runs;

    [Fact]
    public void The_build_warns_that_the_package_is_not_rewritten_naming_what_it_calls_and_the_item_to_add()
    {
        var build = _runs.Unnamed;

        // The project treats warnings as errors; the rewriter's warning stays a warning, and the build passes.
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(@"Microsoft\.Extensions\.ObjectPool\.dll : warning LOOM2001: Microsoft\.Extensions\.ObjectPool\.dll is not rewritten, and it calls Interlocked\.CompareExchange", build.Output);
        Assert.Contains($"add {Item} to the test project", build.Output);
        Assert.Matches(@"Loom\.Rewriting: Rewriting\.Unseen\.Xunit\.dll: .*calls into code Loom does not see, marked for the run to report: Microsoft\.Extensions\.ObjectPool x\d+", build.Output);
    }

    [Fact]
    public void The_theorys_result_says_its_threads_ran_code_Loom_did_not_see_and_never_all_passed_alone()
    {
        var run = _runs.UnnamedRun;

        var cases = run.Cases.Where(c => c.Name.StartsWith(Theory, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            Assert.Equal("Passed", c.Outcome);
            Assert.Contains("all passed; warning: the threads ran code Loom did not see", c.Text);
            Assert.Contains("Microsoft.Extensions.ObjectPool (called at PooledBuilderTests.cs:", c.Text);
            Assert.Contains(Item, c.Text);
        });
        Assert.DoesNotMatch(@"(?m)all passed\r?$", string.Join("\n", run.Result.Output.Split('\n').Where(l => l.Contains("Loom: ", StringComparison.Ordinal))));
    }

    [Fact]
    public void Naming_the_package_rewrites_it_explores_its_compare_exchanges_and_drops_the_warning()
    {
        Assert.DoesNotContain("LOOM2001", _runs.Named.Output);
        Assert.Matches(@"Loom\.Rewriting: Microsoft\.Extensions\.ObjectPool\.dll: \d+ call sites rewritten", _runs.Named.Output);

        var cases = _runs.NamedRun.Cases.Where(c => c.Name.StartsWith(Theory, StringComparison.Ordinal)).ToList();
        Assert.True(cases.Count > _runs.UnnamedRun.Cases.Count(c => c.Name.StartsWith(Theory, StringComparison.Ordinal)), string.Join("\n", cases.Select(c => c.Name)));
        Assert.All(cases, c =>
        {
            Assert.Equal("Passed", c.Outcome);
            Assert.Contains("; all passed", c.Text);
            Assert.DoesNotContain("warning", c.Text);
        });
    }
}
