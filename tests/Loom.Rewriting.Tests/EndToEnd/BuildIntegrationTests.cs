using System.Text.RegularExpressions;
using Loom.Tests.EndToEnd;
using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>The fixture for <see cref="BuildIntegrationTests"/>: the library and the xUnit project over it, built twice.</summary>
public sealed class TicketOfficeBuild : IDisposable
{
    public TicketOfficeBuild()
    {
        Fixture = new RewritingFixture("Rewriting.Library", "Rewriting.Xunit");
        Fixture.MustBuild("Rewriting.Library");
        First = Fixture.MustBuild("Rewriting.Xunit");
        Second = Fixture.MustBuild("Rewriting.Xunit");
    }

    public RewritingFixture Fixture { get; }

    /// <summary>The first build of the test project.</summary>
    public ProcessResult First { get; }

    /// <summary>The same build again with nothing changed.</summary>
    public ProcessResult Second { get; }

    public void Dispose() => Fixture.Dispose();
}

public class BuildIntegrationTests : IClassFixture<TicketOfficeBuild>
{
    private readonly TicketOfficeBuild _build;

    public BuildIntegrationTests(TicketOfficeBuild build) => _build = build;

    private RewritingFixture Fixture => _build.Fixture;

    [Fact]
    public void The_build_rewrites_the_test_assembly_and_the_project_reference_and_says_what_it_did()
    {
        var output = _build.First.Output;

        Assert.Matches(@"Loom\.Rewriting: Rewriting\.Library\.dll: \d+ call sites rewritten \(synchronization \d+, shared fields \d+\) \(\d+\.\d\d s\)", output);
        Assert.Matches(@"Loom\.Rewriting: Rewriting\.Xunit\.dll: \d+ call sites rewritten \(synchronization \d+, tasks and timers \d+, shared fields \d+\)", output);
        Assert.DoesNotMatch(@"Loom\.Rewriting: (Loom\.|xunit)", output);
    }

    [Fact]
    public void An_unchanged_build_rewrites_nothing()
    {
        var output = _build.Second.Output;

        Assert.Matches(@"Loom\.Rewriting: Rewriting\.Library\.dll: .* \(unchanged: taken from obj/\)", output);
        Assert.Matches(@"Loom\.Rewriting: Rewriting\.Xunit\.dll: .* \(unchanged: taken from obj/\)", output);
        Assert.DoesNotMatch(@"Loom\.Rewriting: .*\(\d+\.\d\d s\)", output);
    }

    [Fact]
    public void Only_the_test_projects_output_is_rewritten_never_the_librarys_own()
    {
        var own = File.ReadAllBytes(Path.Combine(Fixture.Root, "Rewriting.Library", "bin", Fixture.Configuration, "net10.0", "Rewriting.Library.dll"));
        var compiled = File.ReadAllBytes(Path.Combine(Fixture.Root, "Rewriting.Library", "obj", Fixture.Configuration, "net10.0", "Rewriting.Library.dll"));
        var inTestOutput = File.ReadAllBytes(Fixture.OutputOf("Rewriting.Xunit", "Rewriting.Library.dll"));

        Assert.Equal(compiled, own);
        Assert.NotEqual(own, inTestOutput);
    }

    [Fact]
    public void Dotnet_test_after_the_build_finds_the_bug_in_unmodified_code_and_passes_the_fix()
    {
        var run = Fixture.Test("Rewriting.Xunit");

        var buggy = run.Cases.Where(c => c.Name.Contains("Two_buyers_never_oversell_the_last_ticket [", StringComparison.Ordinal)).ToList();
        var safe = run.Cases.Where(c => c.Name.Contains("of_the_safe_office", StringComparison.Ordinal)).ToList();
        Assert.Contains(buggy, c => c.Outcome == "Failed");
        var failure = buggy.First(c => c.Outcome == "Failed").Text;
        Assert.Contains("Assert.Equal() Failure", failure);
        // The interleaving points into the library's own source, on the line of its lock statements.
        Assert.Matches(@"TicketOffice\.cs:\d+", failure);
        Assert.NotEmpty(safe);
        Assert.All(safe, c => Assert.Equal("Passed", c.Outcome));
        Assert.Equal("Passed", run.Case("Rewriting.Xunit.TicketOfficeTests.Outside_Loom_the_same_code_runs_as_written").Outcome);
        Assert.DoesNotContain("NothingControlled", run.Result.Output);
        Assert.DoesNotContain("UncontrolledConcurrency", run.Result.Output);
    }
}
