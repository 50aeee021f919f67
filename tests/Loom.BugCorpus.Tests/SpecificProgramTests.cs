using Xunit;

namespace Loom.BugCorpus.Tests;

/// <summary>Assertions that only some corpus programs need, beyond the per-program theories.</summary>
public sealed class SpecificProgramTests
{
    [Fact]
    public void Store_buffering_bug_is_found_through_a_weak_memory_value_choice()
    {
        var program = StoreBufferingMutualExclusion.Program;

        var result = LoomModel.Explore(program.Buggy, program.Options);

        Assert.True(result.Failure is not null, result.Summary);
        // Under sequential consistency one thread always sees the other's flag; only a load that reads an older
        // store (a value decision, written rN@step in the schedule id) lets both enter.
        var schedule = ScheduleId.Parse(result.Failure.ScheduleId);
        Assert.Contains(schedule.Decisions, static d => d.Kind == ScheduleDecisionKind.Value);
    }

    [Fact]
    public void Store_buffering_fix_passes_without_pruning_by_the_preemption_bound()
    {
        var program = StoreBufferingMutualExclusion.Program;

        var result = LoomModel.Explore(program.Fixed, program.Options with { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted, result.Summary);
    }

    [Fact]
    public void Fixed_small_models_pass_unbounded_exhaustive_exploration()
    {
        // The default bound of 2 could hide a bug the fix introduced; the smallest models are cheap enough to
        // explore with no bound at all.
        foreach (var program in new[] { LostUpdate.Program, AbbaDeadlock.Program, WrongLock.Program, OrderViolation.Program, MissedWakeup.Program })
        {
            var result = LoomModel.Explore(program.Fixed, new LoomOptions { PreemptionBound = null });

            Assert.True(result.Passed, $"{program.Name}: {result.Failure?.Report}");
            Assert.True(result.Exhausted, $"{program.Name}: {result.Summary}");
        }
    }
}
