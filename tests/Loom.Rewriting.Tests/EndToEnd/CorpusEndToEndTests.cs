using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// The fixture for <see cref="CorpusEndToEndTests"/>: the plain .NET corpus (tests/fixtures/Rewriting.Corpus) and its
/// xUnit, NUnit and MSTest projects, built and run once (<see cref="CorpusBuild"/>).
/// </summary>
public sealed class CorpusRuns() : CorpusBuild("Rewriting.Corpus");

/// <summary>
/// Unmodified .NET code under the three adapters: the build rewrites the corpus, and every buggy program's bug is found
/// (its own message, or Loom's deadlock report, with an interleaving that points into the program's source) while
/// every fixed program passes every schedule.
/// </summary>
public class CorpusEndToEndTests : IClassFixture<CorpusRuns>
{
    /// <summary>Every program (see <see cref="CorpusProgram"/>).</summary>
    private static readonly CorpusProgram[] Corpus =
    [
        new("Lost_update", "LostUpdate", false, "lost-update: two threads counted one hit each, but the counter says 1."),
        new("Overdraft", "Overdraft", false, "overdraft: two withdrawals of 60 from 100 left the balance at -20."),
        new("Transfer_deadlock", "TransferDeadlock", true, "is blocked in Monitor.Enter at TransferDeadlock.cs:"),
        new("Wait_without_loop", "WaitWithoutLoop", false, "wait-without-loop: a consumer woke from Monitor.Wait and found the queue empty"),
        new("Missed_pulse", "MissedPulse", true, "is blocked in Monitor.Wait (reacquire) at MissedPulse.cs:"),
        new("Semaphore_double_release", "SemaphoreDoubleRelease", false, "semaphore-double-release: two callers were inside the one-permit section at once"),
        new("Event_before_publish", "EventBeforePublish", false, "event-before-publish: the loaded event was set, but the settings were not there yet."),
        new("Unawaited_task", "UnawaitedTask", false, "unawaited-task: the report read 0 rows"),
        new("Sync_over_async_deadlock", "SyncOverAsyncDeadlock", true, "is blocked in Task.Result at SyncOverAsyncDeadlock.cs:"),
        new("Timer_before_settings", "TimerBeforeSettings", false, "timer-before-settings: the timer's first tick ran before the settings were loaded."),
        new("Timer_after_dispose", "TimerAfterDispose", false, "timer-after-dispose: the flush timer wrote to the sink after Dispose had closed it."),
        new("Lease_expiry", "LeaseExpiry", false, "lease-expiry: worker A wrote while worker B held the lease."),
        new("Cache_stampede", "CacheStampede", false, "cache-stampede: the expired entry was loaded 2 times, not once."),
        new("Upgrade_deadlock", "UpgradeDeadlock", true, "is blocked in ReaderWriterLockSlim.EnterWriteLock at UpgradeDeadlock.cs:"),
        new("Countdown_signal_early", "CountdownSignalEarly", false, "countdown-signal-early: both work items had signalled, but the total was"),
        new("Max_without_cas", "MaxWithoutCas", false, "max-without-cas: 5 and 7 were offered, but the maximum is 5."),
    ];

    private readonly CorpusRuns _runs;

    public CorpusEndToEndTests(CorpusRuns runs) => _runs = runs;

    public static TheoryData<string> Frameworks() => CorpusChecks.Frameworks();

    public static TheoryData<string, string, string, bool, string> BuggyPrograms() => CorpusChecks.BuggyPrograms(Corpus);

    public static TheoryData<string, string> FixedPrograms() => CorpusChecks.FixedPrograms(Corpus);

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Every_program_has_a_buggy_and_a_fixed_theory_and_nothing_else(string framework) =>
        CorpusChecks.EveryProgramHasABuggyAndAFixedTheoryAndNothingElse(_runs, framework, Corpus);

    [Theory]
    [MemberData(nameof(BuggyPrograms))]
    public void The_buggy_version_fails_with_the_programs_own_report_in_the_corpus_source(string framework, string stem, string program, bool deadlock, string says) =>
        CorpusChecks.TheBuggyVersionFailsWithTheProgramsOwnReportInTheCorpusSource(_runs, framework, stem, program, deadlock, says);

    [Theory]
    [MemberData(nameof(FixedPrograms))]
    public void The_fixed_version_passes_every_case(string framework, string stem) =>
        CorpusChecks.TheFixedVersionPassesEveryCase(_runs, framework, stem);

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void No_case_says_that_Loom_controlled_nothing_or_that_code_escaped_it(string framework) =>
        CorpusChecks.NoCaseSaysThatLoomControlledNothingOrThatCodeEscapedIt(_runs, framework);

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_corpus_is_rewritten_in_the_test_projects_output_and_never_in_its_own(string framework) =>
        CorpusChecks.TheLibraryIsRewrittenInTheTestProjectsOutputAndNeverInItsOwn(_runs, framework);

    /// <summary>
    /// The NUnit project's own code names no NUnit type (only [LoomTheory]), yet its assembly references nunit.framework,
    /// which NUnit's engine needs to discover it: Loom.NUnit.targets adds the reference. The other tests of this class
    /// prove that its theories were discovered and ran (the bugs found, the fixed versions passing).
    /// </summary>
    [Fact]
    public void The_NUnit_project_names_no_NUnit_type_and_still_references_nunit_framework()
    {
        var project = _runs.TestProjects["nunit"];
        var sources = Directory.GetFiles(_runs.Fixture.ProjectDirectory(project), "*.cs");
        Assert.NotEmpty(sources);
        Assert.All(sources, file => Assert.DoesNotContain("NUnit.Framework", File.ReadAllText(file)));
        using var stream = File.OpenRead(_runs.Fixture.OutputOf(project, project + ".dll"));
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name));
        Assert.Contains("nunit.framework", references);
    }
}
