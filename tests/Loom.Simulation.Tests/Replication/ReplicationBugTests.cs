using System.Text;
using Loom.Samples.Replication;
using Xunit;

namespace Loom.Simulation.Tests.Replication;

/// <summary>
/// The sample's three bugs: each is found by a seed, replays by that seed with the same failure and the same trace,
/// and the fixed program survives 200 seeds.
/// </summary>
public class ReplicationBugTests
{
    private static LoomOptions Seeds(int count, long first = 0, bool check = false) =>
        new() { Strategy = LoomStrategy.Random, Seed = first, Iterations = count, DeterminismCheck = check };

    /// <summary>Everything a run did, as one string: each step and each simulation event, with their times.</summary>
    private static string Story(LoomFailure failure)
    {
        var text = new StringBuilder();
        foreach (var step in failure.Trace)
            text.Append($"{step.Step} {step.ThreadId} {step.ThreadName} {step.Operation} {step.Value} {step.Time.Ticks}\n");
        foreach (var note in failure.Notes)
            text.Append($"{note.Step} {note.Time.Ticks} {note.Text}\n");
        return text.ToString();
    }

    /// <summary>Finds the bug in up to 100 seeds, then replays its seed alone and checks it is the very same run.</summary>
    private static LoomFailure FoundAndReplayed(Func<Task> buggy, string expected)
    {
        var found = LoomModel.Explore(buggy, Seeds(100));
        var failure = Assert.IsType<LoomFailure>(found.Failure);
        Assert.Equal(FailureKind.Exception, failure.Kind);
        Assert.Contains(expected, failure.Exception?.Message);
        var seed = Assert.IsType<long>(failure.Seed);

        // The engine also replays the failing schedule once more and would report nondeterminism if it diverged.
        var replay = LoomModel.Explore(buggy, Seeds(1, seed, check: true));
        var again = Assert.IsType<LoomFailure>(replay.Failure);
        Assert.Equal(FailureKind.Exception, again.Kind);
        Assert.Equal(failure.Exception?.Message, again.Exception?.Message);
        Assert.Equal(failure.ScheduleId, again.ScheduleId);
        Assert.Equal(Story(failure), Story(again));
        return failure;
    }

    [Fact]
    public void Acknowledging_before_the_log_is_flushed_loses_acknowledged_writes_in_a_crash()
    {
        var failure = FoundAndReplayed(
            Scenarios.AcknowledgedWritesSurviveCrashes(ackBeforeFlush: true),
            "was acknowledged to the client, but after the crash db's log does not have it");

        // The story: the client was told, then the node crashed, and the crash took unflushed log writes with it.
        var story = failure.Notes.Select(n => n.Text).ToList();
        Assert.Contains(story, t => t.Contains("acknowledged", StringComparison.Ordinal));
        Assert.Contains(story, t => t.Contains("node  db: crashed", StringComparison.Ordinal));
        Assert.Contains(story, t => t.Contains("disk  db:kv.wal: crash left unflushed changes", StringComparison.Ordinal) && t.Contains("lost", StringComparison.Ordinal));
        Assert.Contains("What happened in the simulated world", failure.Report);
    }

    [Fact]
    public void The_store_that_acknowledges_after_the_flush_keeps_every_acknowledged_write_over_200_seeds()
    {
        var result = LoomModel.Explore(Scenarios.AcknowledgedWritesSurviveCrashes(ackBeforeFlush: false), Seeds(200));

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(200, result.Executions);
    }

    [Fact]
    public void Retrying_without_an_idempotency_key_applies_an_increment_twice()
    {
        var failure = FoundAndReplayed(
            Scenarios.RetriedIncrementsApplyOnce(useIdempotencyKeys: false),
            "of them were applied twice");

        Assert.Contains(failure.Notes, n => n.Text.Contains("lost", StringComparison.Ordinal) || n.Text.Contains("duplicated", StringComparison.Ordinal));
    }

    [Fact]
    public void Increments_with_idempotency_keys_apply_once_over_200_seeds()
    {
        var result = LoomModel.Explore(Scenarios.RetriedIncrementsApplyOnce(useIdempotencyKeys: true), Seeds(200));

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_leader_that_does_not_step_down_under_an_asymmetric_partition_accepts_a_stale_write()
    {
        var failure = FoundAndReplayed(
            Scenarios.OnlyTheCurrentLeaderAcceptsWrites(ignoreOthersWhileLeader: true, asymmetricProbability: 1),
            "a deposed leader accepted a stale write");

        // Every partition of this run was one-way; the story shows them start and heal.
        Assert.Contains(failure.Notes, n => n.Text.Contains("(one way:", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Notes, n => n.Text.Contains("<-/->", StringComparison.Ordinal));
    }

    [Fact]
    public void Leaders_with_acknowledged_leases_that_step_down_on_a_newer_term_survive_200_seeds_of_both_kinds_of_partition()
    {
        var histories = new List<WriteHistory>();
        var result = LoomModel.Explore(
            Scenarios.OnlyTheCurrentLeaderAcceptsWrites(ignoreOthersWhileLeader: false, history: histories.Add),
            Seeds(200));

        Assert.True(result.Passed, result.Failure?.Report);
        // Not vacuous: leaders of many terms accepted writes.
        Assert.True(histories.Sum(h => h.Accepted.Count) > 200 * 50);
        Assert.True(histories.Max(h => h.Accepted.Select(a => a.Term).DefaultIfEmpty().Max()) > 3);
    }

    [Fact]
    public void The_fixed_programs_replay_every_seed_exactly()
    {
        var durable = LoomModel.Explore(Scenarios.AcknowledgedWritesSurviveCrashes(ackBeforeFlush: false), Seeds(10, 1000, check: true));
        var idempotent = LoomModel.Explore(Scenarios.RetriedIncrementsApplyOnce(useIdempotencyKeys: true), Seeds(10, 1000, check: true));
        var leases = LoomModel.Explore(Scenarios.OnlyTheCurrentLeaderAcceptsWrites(ignoreOthersWhileLeader: false), Seeds(5, 1000, check: true));

        foreach (var result in new[] { durable, idempotent, leases })
        {
            Assert.True(result.Passed, result.Failure?.Report);
            Assert.Equal(result.Executions, result.TraceHashes.Distinct().Count());
        }
    }
}
