using System.Collections.Generic;
using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>
/// Runs exactly one schedule: the default choice everywhere except at the schedule's decisions. If the code no
/// longer fits the schedule (a decision names a thread that cannot run there, or the execution ends before a
/// decision), the run fails as diverged, naming the step.
/// </summary>
internal sealed class ReplayStrategy : IExplorationStrategy
{
    private readonly ScheduleId _schedule;
    private int _next;
    private bool _ran;

    public ReplayStrategy(ScheduleId schedule) => _schedule = schedule;

    /// <summary>The schedule replayed.</summary>
    public ScheduleId Schedule => _schedule;

    public bool Exhausted => false;

    public bool PrunedByBound => false;

    public long? CurrentSeed => null;

    private IReadOnlyList<ScheduleDecision> Decisions => _schedule.Decisions;

    public bool BeginExecution()
    {
        if (_ran)
            return false;
        _ran = true;
        _next = 0;
        return true;
    }

    public void RestartExecution() => _next = 0;

    public int ChooseThread(Execution execution, ulong enabled, int fallback)
    {
        var step = execution.Step;
        if (!CheckNotSkipped(execution, step))
            return -1;
        if (_next >= Decisions.Count || Decisions[_next].Step != step || Decisions[_next].Kind != ScheduleDecisionKind.Thread)
            return fallback;

        var decision = Decisions[_next++];
        if ((enabled & (1UL << decision.Choice)) != 0)
            return decision.Choice;
        var exists = decision.Choice < execution.Threads.Count;
        Diverged(
            execution,
            $"the schedule runs thread {decision.Choice} at step {step}, but " +
            (exists ? $"thread {decision.Choice} cannot run there" : $"the execution has only {execution.Threads.Count} threads at that point") +
            $" (runnable: {ThreadMask.Describe(enabled)}).");
        return -1;
    }

    public int ChooseValue(Execution execution, int count)
    {
        var step = execution.Step - 1;
        if (_next >= Decisions.Count || Decisions[_next].Step != step || Decisions[_next].Kind != ScheduleDecisionKind.Value)
            return 0;
        var decision = Decisions[_next++];
        if (decision.Choice < count)
            return decision.Choice;
        Diverged(execution, $"the schedule reads value {decision.Choice} at step {step}, but the load there has only {count} values to choose from.");
        return 0;
    }

    /// <summary>After the execution: what the schedule still held when it ended, or <see langword="null"/> if it was used up.</summary>
    public string? Leftover(Execution execution)
    {
        if (_next >= Decisions.Count)
            return null;
        return $"the execution ended after {execution.Step} steps, but the schedule has a decision ({Decisions[_next]}) at step {Decisions[_next].Step}.";
    }

    private bool CheckNotSkipped(Execution execution, int step)
    {
        if (_next < Decisions.Count && Decisions[_next].Step < step)
        {
            Diverged(execution, $"the schedule has a decision ({Decisions[_next]}) at step {Decisions[_next].Step}, which the execution passed without a choice of that kind.");
            return false;
        }
        return true;
    }

    /// <summary>The message for a schedule that does not fit the code.</summary>
    public static string DivergedMessage(ScheduleId schedule, string why) =>
        $"Schedule {schedule} no longer fits the code: {why} The code changed since the schedule was recorded, or the test is nondeterministic. " +
        "Explore again to find the failing schedule of the current code.";

    private void Diverged(Execution execution, string why) =>
        execution.Fail(FailureKind.ScheduleDiverged, DivergedMessage(_schedule, why), null);


    public int TakeReadConstraint(int thread) => -1;

    public void OnExecute(Execution execution, int step, LogicalThread thread, in Operation op)
    {
    }

    public void OnBlocked(Execution execution, LogicalThread thread)
    {
    }

    public void OnSpawn(LogicalThread parent, LogicalThread child)
    {
    }

    public void OnFinish(Execution execution, LogicalThread thread)
    {
    }

    public void EndExecution(Execution execution)
    {
    }
}
