using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Loom.BugCorpus.Tests;

/// <summary>
/// For every corpus program: Loom finds the bug with the options the program declares and reports the expected
/// kind, the failing schedule replays to the same failure, and the fixed version passes.
/// </summary>
public sealed class CorpusTests
{
    public static IEnumerable<TheoryDataRow<string>> Programs() =>
        Rows(Corpus.All);

    public static IEnumerable<TheoryDataRow<string>> ProgramsWithKnownPreemptions() =>
        Rows(Corpus.All.Where(static p => p.PreemptionsNeeded is > 0 && p.Options.Strategy == LoomStrategy.Exhaustive));

    public static IEnumerable<TheoryDataRow<string>> ProgramsRandomFinds() =>
        Rows(Corpus.All.Where(static p => p.RandomIterations is not null));

    public static IEnumerable<TheoryDataRow<string>> ProgramsPctFinds() =>
        Rows(Corpus.All.Where(static p => p.PctIterations is not null));

    public static IEnumerable<TheoryDataRow<string>> ExhaustivePrograms() =>
        Rows(Corpus.All.Where(static p => p.Options.Strategy == LoomStrategy.Exhaustive));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Buggy_version_fails_with_the_expected_kind(string name)
    {
        var program = Corpus.Get(name);

        var result = LoomModel.Explore(program.Buggy, program.Options);

        AssertFound(program, result);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Failing_schedule_replays_to_the_same_failure(string name)
    {
        var program = Corpus.Get(name);
        var found = LoomModel.Explore(program.Buggy, program.Options);
        AssertFound(program, found);
        var scheduleId = found.Failure!.ScheduleId;

        var replay = LoomModel.Explore(program.Buggy, program.Options with { Schedule = scheduleId });

        Assert.True(replay.Failure is not null, $"Replaying schedule '{scheduleId}' of {name} passed: {replay.Summary}");
        Assert.Equal(program.ExpectedKind, replay.Failure.Kind);
        Assert.Equal(1, replay.Executions);
        Assert.Equal(scheduleId, replay.Failure.ScheduleId);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Fixed_version_passes_exhaustive_exploration(string name)
    {
        var program = Corpus.Get(name);
        var options = program.FixedOptionsOrDefault;
        Assert.Equal(LoomStrategy.Exhaustive, options.Strategy);

        var result = LoomModel.Explore(program.Fixed, options);

        Assert.True(result.Passed, $"The fixed {name} failed: {result.Failure?.Report}");
        if (program.FixedExhausts)
            Assert.True(result.Exhausted, $"The fixed {name} was not explored exhaustively: {result.Summary}");
    }

    [Theory]
    [MemberData(nameof(ProgramsWithKnownPreemptions))]
    public void Bug_is_not_found_with_one_preemption_fewer_than_it_needs(string name)
    {
        var program = Corpus.Get(name);
        var needed = program.PreemptionsNeeded!.Value;

        var below = LoomModel.Explore(program.Buggy, program.Options with { PreemptionBound = needed - 1 });
        var at = LoomModel.Explore(program.Buggy, program.Options with { PreemptionBound = needed });

        Assert.True(below.Passed, $"{name} failed with {needed - 1} preemptions; it should need {needed}: {below.Failure?.Report}");
        Assert.True(below.Exhausted, below.Summary);
        AssertFound(program, at);
    }

    [Theory]
    [MemberData(nameof(ProgramsRandomFinds))]
    public void Random_walk_finds_the_bug(string name)
    {
        var program = Corpus.Get(name);
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Seed = 0, Iterations = program.RandomIterations!.Value };

        var result = LoomModel.Explore(program.Buggy, options);

        AssertFound(program, result);
    }

    [Theory]
    [MemberData(nameof(ProgramsPctFinds))]
    public void Pct_finds_the_bug(string name)
    {
        var program = Corpus.Get(name);
        var options = new LoomOptions { Strategy = LoomStrategy.Pct, PctDepth = program.PctDepth, Seed = 0, Iterations = program.PctIterations!.Value };

        var result = LoomModel.Explore(program.Buggy, options);

        AssertFound(program, result);
    }

    [Fact]
    public void Corpus_has_unique_names_and_at_least_eighteen_programs()
    {
        Assert.True(Corpus.All.Count >= 18, $"The corpus has {Corpus.All.Count} programs.");
        Assert.Equal(Corpus.All.Count, Corpus.Names.Distinct().Count());
    }

    private static IEnumerable<TheoryDataRow<string>> Rows(IEnumerable<CorpusProgram> programs) =>
        programs.Select(p => new TheoryDataRow<string>(p.Name));

    [Theory]
    [MemberData(nameof(ExhaustivePrograms))]
    public void A_parallel_search_finds_the_same_bug_and_exhausts_the_fixed_version_in_as_many_executions(string name)
    {
        var program = Corpus.Get(name);
        var fixedOptions = program.FixedOptionsOrDefault;

        var buggy = LoomModel.Explore(program.Buggy, program.Options);
        var buggyInParallel = LoomModel.Explore(program.Buggy, program.Options with { Parallelism = 2 });
        var correct = LoomModel.Explore(program.Fixed, fixedOptions);
        var correctInParallel = LoomModel.Explore(program.Fixed, fixedOptions with { Parallelism = 2 });

        AssertFound(program, buggyInParallel);
        Assert.Equal(buggy.Failure!.ScheduleId, buggyInParallel.Failure!.ScheduleId);
        Assert.Equal(buggy.Executions, buggyInParallel.Executions);
        Assert.True(correctInParallel.Passed, $"The fixed {name} failed in parallel: {correctInParallel.Failure?.Report}");
        Assert.Equal(correct.Executions, correctInParallel.Executions);
        Assert.Equal(correct.Exhausted, correctInParallel.Exhausted);
        Assert.Equal(correct.Schedules, correctInParallel.Schedules);
    }

    private static void AssertFound(CorpusProgram program, ExplorationResult result)
    {
        Assert.True(result.Failure is not null, $"Loom did not find the bug in {program.Name}: {result.Summary}");
        Assert.True(
            result.Failure.Kind == program.ExpectedKind,
            $"{program.Name} failed as {result.Failure.Kind}, expected {program.ExpectedKind}:\n{result.Failure.Report}");
    }
}
