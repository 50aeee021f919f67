using System.Text.RegularExpressions;
using Loom.Tests.EndToEnd;
using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// One program of a corpus: the stem of its theories' names (<c>Lost_update</c> gives <c>Lost_update_buggy</c> and
/// <c>Lost_update_fixed</c>), its class (and source file) in the corpus library, and what a failing case of its buggy
/// version must say: the program's own message, or for a deadlock (which Loom reports itself) the blocked operation
/// Loom's report names, with its file.
/// </summary>
public sealed record CorpusProgram(string Stem, string Program, bool Deadlock, string Says);

/// <summary>
/// What every corpus end-to-end class checks of its <see cref="CorpusBuild"/>, framework by framework: each program
/// has a buggy and a fixed theory and nothing else; every buggy theory has a failing case with the program's own
/// report whose interleaving points at lines of the program's source; every case of every fixed theory passes; no
/// output says that Loom controlled nothing or that code escaped it; the library is rewritten in the test projects'
/// output and never in its own.
/// </summary>
public static partial class CorpusChecks
{
    public static TheoryData<string> Frameworks() => new(CorpusBuild.FrameworkProjectSuffixes.Keys);

    public static TheoryData<string, string, string, bool, string> BuggyPrograms(IEnumerable<CorpusProgram> corpus)
    {
        var data = new TheoryData<string, string, string, bool, string>();
        foreach (var framework in CorpusBuild.FrameworkProjectSuffixes.Keys)
        {
            foreach (var p in corpus)
                data.Add(framework, p.Stem, p.Program, p.Deadlock, p.Says);
        }
        return data;
    }

    public static TheoryData<string, string> FixedPrograms(IEnumerable<CorpusProgram> corpus)
    {
        var data = new TheoryData<string, string>();
        foreach (var framework in CorpusBuild.FrameworkProjectSuffixes.Keys)
        {
            foreach (var p in corpus)
                data.Add(framework, p.Stem);
        }
        return data;
    }

    public static void EveryProgramHasABuggyAndAFixedTheoryAndNothingElse(CorpusBuild build, string framework, IEnumerable<CorpusProgram> corpus)
    {
        var run = build.Runs[framework];
        var expected = corpus.SelectMany(p => new[] { p.Stem + "_buggy", p.Stem + "_fixed" }).Order().ToArray();

        Assert.True(run.Cases.Count > 0, run.ToString());
        Assert.Equal(expected, run.Cases.Select(c => TheoryOf(c.Name)).Distinct().Order().ToArray());
    }

    public static void TheBuggyVersionFailsWithTheProgramsOwnReportInTheCorpusSource(CorpusBuild build, string framework, string stem, string program, bool deadlock, string says)
    {
        var run = build.Runs[framework];
        var failed = CasesOf(run, stem + "_buggy").Where(c => c.Outcome == "Failed").ToList();

        Assert.True(failed.Count > 0, $"No case of {stem}_buggy failed under {framework}:\n{run}");
        var failure = failed.FirstOrDefault(c => c.Text.Contains(says, StringComparison.Ordinal));
        Assert.True(failure is not null, $"No failing case of {stem}_buggy under {framework} says '{says}':\n{string.Join("\n\n", failed)}");
        Assert.Contains(deadlock ? "Loom found a failure (deadlock)" : "System.InvalidOperationException", failure.Text);

        // The interleaving's locations point into the program's own source, on lines of code: the rewritten copy
        // keeps the original sequence points.
        var lines = File.ReadAllLines(Path.Combine(build.Fixture.ProjectDirectory(build.Library), program + ".cs"));
        var locations = Regex.Matches(LoomOutput.InterleavingOf(failure.Text), $@"\b{program}\.cs:(\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(locations.Count > 0, $"The interleaving of {failure.Name} names no line of {program}.cs:\n{failure.Text}");
        Assert.All(locations, line =>
        {
            Assert.InRange(line, 1, lines.Length);
            Assert.False(string.IsNullOrWhiteSpace(lines[line - 1]), $"{program}.cs:{line} is a blank line");
        });
    }

    public static void TheFixedVersionPassesEveryCase(CorpusBuild build, string framework, string stem)
    {
        var run = build.Runs[framework];
        var cases = CasesOf(run, stem + "_fixed");

        Assert.True(cases.Count > 0, $"No case of {stem}_fixed ran under {framework}:\n{run}");
        Assert.All(cases, c => Assert.True(c.Outcome == "Passed", c.ToString()));
    }

    public static void NoCaseSaysThatLoomControlledNothingOrThatCodeEscapedIt(CorpusBuild build, string framework)
    {
        var output = build.Runs[framework].Result.Output;

        Assert.DoesNotContain("NothingControlled", output);
        Assert.DoesNotContain("nothing was controlled", output);
        Assert.DoesNotContain("UncontrolledConcurrency", output);
        Assert.DoesNotContain("code escaped Loom's control", output);
        Assert.DoesNotContain("thread stalled outside Loom's control", output);
    }

    public static void TheLibraryIsRewrittenInTheTestProjectsOutputAndNeverInItsOwn(CorpusBuild build, string framework)
    {
        var fixture = build.Fixture;
        var own = File.ReadAllBytes(fixture.OutputOf(build.Library, build.Library + ".dll"));
        var compiled = File.ReadAllBytes(fixture.IntermediateOf(build.Library, build.Library + ".dll"));
        var inTestOutput = File.ReadAllBytes(fixture.OutputOf(build.TestProjects[framework], build.Library + ".dll"));

        Assert.Equal(compiled, own);
        Assert.NotEqual(own, inTestOutput);
    }

    private static List<VsTestRun.CaseResult> CasesOf(VsTestRun run, string theory) =>
        run.Cases.Where(c => TheoryOf(c.Name) == theory).ToList();

    /// <summary>
    /// The theory a case belongs to: <c>Ns.CorpusTests.Lost_update_buggy [schedule 0]</c> (xUnit),
    /// <c>Lost_update_buggy(schedule 0)</c> (NUnit), <c>Lost_update_buggy [schedules 1-5 of 434]</c> (MSTest).
    /// </summary>
    private static string TheoryOf(string caseName)
    {
        var match = TheoryName().Match(caseName);
        Assert.True(match.Success, $"'{caseName}' names no corpus theory");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"(?:^|\.)([A-Z][a-z]+(?:_[a-z]+)*_(?:buggy|fixed))(?:[ (]|$)")]
    private static partial Regex TheoryName();
}
