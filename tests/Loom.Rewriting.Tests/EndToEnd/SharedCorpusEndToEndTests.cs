using System.Text.RegularExpressions;
using Xunit;

namespace Loom.Rewriting.Tests.EndToEnd;

/// <summary>
/// The fixture for <see cref="SharedCorpusEndToEndTests"/>: the shared-state corpus (tests/fixtures/Rewriting.SharedCorpus)
/// and its xUnit, NUnit and MSTest projects, built and run once (<see cref="CorpusBuild"/>).
/// </summary>
public sealed class SharedCorpusRuns() : CorpusBuild("Rewriting.SharedCorpus");

/// <summary>
/// Bugs in shared state of unmodified .NET code, under the three adapters: plain and volatile fields, cancellation,
/// <c>TaskCompletionSource</c>, <c>Lazy&lt;T&gt;</c>, <c>ConcurrentDictionary</c>, <c>BlockingCollection</c>, a
/// <c>Dictionary</c> and a <c>List</c> used from two threads, and a race inside a package the test projects name
/// (Microsoft.Extensions.ObjectPool 2.1.0). Every buggy program's bug is found with default settings (its own
/// message, or Loom's deadlock report, with an interleaving that points into the program's source) while every
/// fixed program passes every schedule.
/// </summary>
public partial class SharedCorpusEndToEndTests : IClassFixture<SharedCorpusRuns>
{
    /// <summary>Every program (see <see cref="CorpusProgram"/>).</summary>
    private static readonly CorpusProgram[] Corpus =
    [
        new("Connection_check_then_act", "ConnectionCheckThenAct", false, "connection-check-then-act: the two callers got two different connections"),
        new("Double_checked_flag", "DoubleCheckedFlag", false, "double-checked-flag: a caller found the settings flagged as loaded but read endpoint"),
        new("Double_checked_volatile", "DoubleCheckedVolatile", false, "double-checked-volatile: a caller found the parser flagged as initialized but read no parser."),
        new("Publish_without_barrier", "PublishWithoutBarrier", false, "publish-without-barrier: the statistics were flagged ready, but the status page read '"),
        new("Dictionary_check_then_add", "DictionaryCheckThenAdd", false, "dictionary-check-then-add: two requests for 'invoice' got two different compiled templates"),
        new("Cancellation_registration_race", "CancellationRegistrationRace", false, "cancellation-registration-race: request 1 was cancelled, but it is still in the pending table."),
        new("Registration_dispose_deadlock", "RegistrationDisposeDeadlock", true, "is blocked in Monitor.Enter at RegistrationDisposeDeadlock.cs:"),
        new("Task_completed_twice", "TaskCompletedTwice", false, "task-completed-twice: the response and the timeout both completed the call, and the second completion threw:"),
        new("Get_or_add_side_effect", "GetOrAddSideEffect", false, "get-or-add-side-effect: two callers asked for the pool of 'db1' and 2 connections were opened, not 1."),
        new("Lazy_publication_only", "LazyPublicationOnly", false, "lazy-publication-only: two callers asked for the channel and 2 connections were made, not 1."),
        new("Lost_increment", "LostIncrement", false, "lost-increment: two requests were recorded, but the counter says 1."),
        new("Object_pool_double_handout", "ObjectPoolDoubleHandout", false, "object-pool-double-handout: two Get calls in a row returned the same StringBuilder"),
        new("Async_event_lost_signal", "AsyncEventLostSignal", false, "async-event-lost-signal: the waiter was cancelled, and the Set that raced with the cancellation went to it"),
        new("Complete_adding_early", "CompleteAddingEarly", false, "complete-adding-early: one producer completed the queue while the other was still adding, and its Add threw:"),
        new("List_without_lock", "ListWithoutLock", false, "list-without-lock: 2 events were added, and the sink received 4."),
    ];

    private readonly SharedCorpusRuns _runs;

    public SharedCorpusEndToEndTests(SharedCorpusRuns runs) => _runs = runs;

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

    /// <summary>
    /// Fields are tracked by object and field, so no execution should be restarted for a collection that moved
    /// memory. How many were restarted (<c>ExplorationResult.GcRestarts</c>) is internal and no adapter prints it;
    /// what the output shows is the failure Loom reports when collections keep interrupting an execution.
    /// </summary>
    [Theory]
    [MemberData(nameof(Frameworks))]
    public void No_execution_was_given_up_to_garbage_collections(string framework) =>
        Assert.DoesNotContain("A garbage collection interrupted this execution", _runs.Runs[framework].Result.Output);

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_corpus_is_rewritten_in_the_test_projects_output_and_never_in_its_own(string framework) =>
        CorpusChecks.TheLibraryIsRewrittenInTheTestProjectsOutputAndNeverInItsOwn(_runs, framework);

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void The_package_the_test_projects_name_is_rewritten_in_their_output(string framework) =>
        Assert.Matches(PackageRewritten(), _runs.Builds[framework].Output);

    [GeneratedRegex(@"Loom\.Rewriting: Microsoft\.Extensions\.ObjectPool\.dll: [1-9]\d* call sites rewritten")]
    private static partial Regex PackageRewritten();
}
