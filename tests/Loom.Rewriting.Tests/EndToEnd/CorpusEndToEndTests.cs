using System.Text.RegularExpressions;
using Loom.Tests.EndToEnd;
using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// The fixture for <see cref="CorpusEndToEndTests"/>: the plain .NET corpus (tests/fixtures/Rewriting.Corpus) and its
/// xUnit, NUnit and MSTest projects copied out of the repository, the library built once, then the three test
/// projects built side by side (they only read the library's output), then <c>dotnet test --no-build</c> on each, side
/// by side too. The tests only read what the runs printed.
/// </summary>
public sealed class CorpusRuns : IDisposable
{
    public const string Library = "Rewriting.Corpus";

    /// <summary>The test project of each framework the tests are parameterized over.</summary>
    public static readonly IReadOnlyDictionary<string, string> TestProjects = new Dictionary<string, string>
    {
        ["xunit"] = "Rewriting.Corpus.Xunit",
        ["nunit"] = "Rewriting.Corpus.NUnit",
        ["mstest"] = "Rewriting.Corpus.MSTest",
    };

    public CorpusRuns()
    {
        Fixture = new RewritingFixture([Library, .. TestProjects.Values]);
        try
        {
            Fixture.MustBuild(Library);
            Task.WaitAll(TestProjects.Values.Select(p => Task.Run(() => Fixture.MustBuild(p))).ToArray());
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

    public RewritingFixture Fixture { get; }

    /// <summary>Each framework's <c>dotnet test</c> run, by the keys of <see cref="TestProjects"/>.</summary>
    public IReadOnlyDictionary<string, VsTestRun> Runs { get; }

    public void Dispose() => Fixture.Dispose();
}

/// <summary>
/// Unmodified .NET code under the three adapters: the build rewrites the corpus, and every buggy program's bug is found
/// (its own message, or Loom's deadlock report, with an interleaving that points into the program's source) while
/// every fixed program passes every schedule.
/// </summary>
public partial class CorpusEndToEndTests : IClassFixture<CorpusRuns>
{
    /// <summary>
    /// Every program: the stem of its theories' names (<c>Lost_update</c> gives <c>Lost_update_buggy</c> and
    /// <c>Lost_update_fixed</c>), its class (and source file) in the corpus, and what a failing case of its buggy
    /// version must say: the program's own message, or for a deadlock (which Loom reports itself) the blocked
    /// operation Loom's report names.
    /// </summary>
    private static readonly (string Stem, string Program, bool Deadlock, string Says)[] Corpus =
    [
        ("Lost_update", "LostUpdate", false, "lost-update: two threads counted one hit each, but the counter says 1."),
        ("Overdraft", "Overdraft", false, "overdraft: two withdrawals of 60 from 100 left the balance at -20."),
        ("Transfer_deadlock", "TransferDeadlock", true, "is blocked in Monitor.Enter at TransferDeadlock.cs:"),
        ("Wait_without_loop", "WaitWithoutLoop", false, "wait-without-loop: a consumer woke from Monitor.Wait and found the queue empty"),
        ("Missed_pulse", "MissedPulse", true, "is blocked in Monitor.Wait (reacquire) at MissedPulse.cs:"),
        ("Semaphore_double_release", "SemaphoreDoubleRelease", false, "semaphore-double-release: two callers were inside the one-permit section at once"),
        ("Event_before_publish", "EventBeforePublish", false, "event-before-publish: the loaded event was set, but the settings were not there yet."),
        ("Unawaited_task", "UnawaitedTask", false, "unawaited-task: the report read 0 rows"),
        ("Sync_over_async_deadlock", "SyncOverAsyncDeadlock", true, "is blocked in Task.Result at SyncOverAsyncDeadlock.cs:"),
        ("Timer_before_settings", "TimerBeforeSettings", false, "timer-before-settings: the timer's first tick ran before the settings were loaded."),
        ("Timer_after_dispose", "TimerAfterDispose", false, "timer-after-dispose: the flush timer wrote to the sink after Dispose had closed it."),
        ("Lease_expiry", "LeaseExpiry", false, "lease-expiry: worker A wrote while worker B held the lease."),
        ("Cache_stampede", "CacheStampede", false, "cache-stampede: the expired entry was loaded 2 times, not once."),
        ("Upgrade_deadlock", "UpgradeDeadlock", true, "is blocked in ReaderWriterLockSlim.EnterWriteLock at UpgradeDeadlock.cs:"),
        ("Countdown_signal_early", "CountdownSignalEarly", false, "countdown-signal-early: both work items had signalled, but the total was"),
        ("Max_without_cas", "MaxWithoutCas", false, "max-without-cas: 5 and 7 were offered, but the maximum is 5."),
    ];

    private readonly CorpusRuns _runs;

    public CorpusEndToEndTests(CorpusRuns runs) => _runs = runs;

    public static TheoryData<string> Frameworks() => new(CorpusRuns.TestProjects.Keys);

    public static TheoryData<string, string, string, bool, string> BuggyPrograms()
    {
        var data = new TheoryData<string, string, string, bool, string>();
        foreach (var framework in CorpusRuns.TestProjects.Keys)
        {
            foreach (var (stem, program, deadlock, says) in Corpus)
                data.Add(framework, stem, program, deadlock, says);
        }
        return data;
    }

    public static TheoryData<string, string> FixedPrograms()
    {
        var data = new TheoryData<string, string>();
        foreach (var framework in CorpusRuns.TestProjects.Keys)
        {
            foreach (var (stem, _, _, _) in Corpus)
                data.Add(framework, stem);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Every_program_has_a_buggy_and_a_fixed_theory_and_nothing_else(string framework)
    {
        var run = _runs.Runs[framework];
        var expected = Corpus.SelectMany(p => new[] { p.Stem + "_buggy", p.Stem + "_fixed" }).Order().ToArray();

        Assert.True(run.Cases.Count > 0, run.ToString());
        Assert.Equal(expected, run.Cases.Select(c => TheoryOf(c.Name)).Distinct().Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(BuggyPrograms))]
    public void The_buggy_version_fails_with_the_programs_own_report_in_the_corpus_source(string framework, string stem, string program, bool deadlock, string says)
    {
        var run = _runs.Runs[framework];
        var failed = CasesOf(run, stem + "_buggy").Where(c => c.Outcome == "Failed").ToList();

        Assert.True(failed.Count > 0, $"No case of {stem}_buggy failed under {framework}:\n{run}");
        var failure = failed.FirstOrDefault(c => c.Text.Contains(says, StringComparison.Ordinal));
        Assert.True(failure is not null, $"No failing case of {stem}_buggy under {framework} says '{says}':\n{string.Join("\n\n", failed)}");
        Assert.Contains(deadlock ? "Loom found a failure (deadlock)" : "System.InvalidOperationException", failure.Text);

        // The interleaving's locations point into the program's own source, on lines of code: the rewritten copy
        // keeps the original sequence points.
        var lines = File.ReadAllLines(Path.Combine(_runs.Fixture.ProjectDirectory(CorpusRuns.Library), program + ".cs"));
        var locations = Regex.Matches(LoomOutput.InterleavingOf(failure.Text), $@"\b{program}\.cs:(\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.True(locations.Count > 0, $"The interleaving of {failure.Name} names no line of {program}.cs:\n{failure.Text}");
        Assert.All(locations, line =>
        {
            Assert.InRange(line, 1, lines.Length);
            Assert.False(string.IsNullOrWhiteSpace(lines[line - 1]), $"{program}.cs:{line} is a blank line");
        });
    }

    [Theory]
    [MemberData(nameof(FixedPrograms))]
    public void The_fixed_version_passes_every_case(string framework, string stem)
    {
        var run = _runs.Runs[framework];
        var cases = CasesOf(run, stem + "_fixed");

        Assert.True(cases.Count > 0, $"No case of {stem}_fixed ran under {framework}:\n{run}");
        Assert.All(cases, c => Assert.True(c.Outcome == "Passed", c.ToString()));
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void No_case_says_that_Loom_controlled_nothing_or_that_code_escaped_it(string framework)
    {
        var output = _runs.Runs[framework].Result.Output;

        Assert.DoesNotContain("NothingControlled", output);
        Assert.DoesNotContain("nothing was controlled", output);
        Assert.DoesNotContain("UncontrolledConcurrency", output);
        Assert.DoesNotContain("code escaped Loom's control", output);
        Assert.DoesNotContain("thread stalled outside Loom's control", output);
    }

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_corpus_is_rewritten_in_the_test_projects_output_and_never_in_its_own(string framework)
    {
        var fixture = _runs.Fixture;
        var own = File.ReadAllBytes(fixture.OutputOf(CorpusRuns.Library, CorpusRuns.Library + ".dll"));
        var compiled = File.ReadAllBytes(fixture.IntermediateOf(CorpusRuns.Library, CorpusRuns.Library + ".dll"));
        var inTestOutput = File.ReadAllBytes(fixture.OutputOf(CorpusRuns.TestProjects[framework], CorpusRuns.Library + ".dll"));

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
