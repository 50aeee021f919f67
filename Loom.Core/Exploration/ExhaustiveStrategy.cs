using System.Collections.Generic;
using System.Numerics;
using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>
/// Depth-first exploration of the interleavings, stateless (each execution re-runs the body from the start):
/// the path of decisions is replayed up to the deepest point with an untried alternative, which is then taken.
/// With partial-order reduction, the alternatives tried at a point are only those race detection asked for
/// (the backtrack set), minus those in the sleep set; without it, every runnable thread is tried. A preemption
/// bound limits how many times per execution the exploration may switch away from a thread that could continue.
/// </summary>
internal sealed class ExhaustiveStrategy : IExplorationStrategy, IBacktrackSink
{
    private readonly List<Branch> _path = new();
    private readonly List<int> _branchOfStep = new();
    private readonly Dictionary<int, int> _readConstraints = new();
    private readonly DependencyTracker _dependencies;
    private readonly int? _bound;
    private readonly bool _reduce;

    /// <summary>Branches before this index replay the previous execution's choices (the last of them changed).</summary>
    private int _replayLength;

    /// <summary>The next branch of the current execution.</summary>
    private int _position;

    private int _preemptions;
    private int _previousThread;
    private ulong _nextSleep;
    private bool _started;
    private bool _exhausted;
    private bool _prunedByBound;
    private Execution? _current;

    public ExhaustiveStrategy(int? preemptionBound, bool partialOrderReduction)
    {
        _bound = preemptionBound;
        _reduce = partialOrderReduction;
        _dependencies = new DependencyTracker(this);
    }

    public bool Exhausted => _exhausted;

    public bool PrunedByBound => _prunedByBound;

    public long? CurrentSeed => null;

    public bool BeginExecution()
    {
        if (_started && _exhausted)
            return false;
        _started = true;
        StartOver();
        return true;
    }

    public void RestartExecution()
    {
        // Everything past the replayed prefix was decided by this execution; decide it again the same way.
        _path.RemoveRange(_replayLength, _path.Count - _replayLength);
        StartOver();
    }

    private void StartOver()
    {
        _position = 0;
        _preemptions = 0;
        _previousThread = 0;
        _nextSleep = 0;
        _branchOfStep.Clear();
        _readConstraints.Clear();
        _dependencies.Reset();
    }

    public int ChooseThread(Execution execution, ulong enabled, int fallback)
    {
        _current = execution;
        Branch branch;
        int choice;
        if (_position < _replayLength)
        {
            branch = _path[_position];
            if (branch.IsValue || branch.Step != execution.Step || branch.Enabled != enabled)
            {
                FailNondeterministic(execution, branch, enabled);
                return -1;
            }
            choice = branch.Chosen;
        }
        else
        {
            branch = NewBranch(execution.Step, enabled);
            var candidates = enabled & ~branch.Sleep;
            if (candidates == 0)
                return -1;
            choice = (candidates & Bit(fallback)) != 0 ? fallback : BitOperations.TrailingZeroCount(candidates);
            if (IsPreemption(branch, choice) && branch.PreemptionsBefore + 1 > _bound)
            {
                // The only non-preempting choice is asleep: anything else from here exceeds the bound.
                _prunedByBound = true;
                return -1;
            }
            branch.Chosen = choice;
            branch.Done = Bit(choice);
            branch.Backtrack = _reduce ? Bit(choice) : enabled;
        }

        if (branch.ReadConstraintThread >= 0)
            _readConstraints[branch.ReadConstraintThread] = branch.Step;
        _branchOfStep.Add(_position);
        _position++;
        if (IsPreemption(branch, choice))
            _preemptions++;
        _previousThread = choice;
        return choice;
    }

    public int ChooseValue(Execution execution, int count)
    {
        if (_position < _replayLength)
        {
            var replayed = _path[_position++];
            if (!replayed.IsValue || replayed.ValueCount != count)
            {
                FailNondeterministic(execution, replayed, 0);
                return 0;
            }
            return replayed.Chosen;
        }
        var branch = NewBranch(execution.Step - 1, 0);
        branch.IsValue = true;
        branch.ValueCount = count;
        branch.Chosen = 0;
        _position++;
        return 0;
    }

    public void OnExecute(Execution execution, int step, LogicalThread thread, in Operation op)
    {
        var branch = _path[_branchOfStep[step]];
        branch.OperationName = op.Name;
        branch.OperationLocation = op.Location;
        if (!_reduce)
            return;
        _dependencies.OnExecute(execution, step, thread, op);

        // Threads asleep here, or already explored here, stay asleep after this step while their next operation
        // commutes with this one: running them later reaches states explored already.
        var asleep = (branch.Sleep | branch.Done) & ~Bit(thread.Number);
        ulong next = 0;
        foreach (var t in execution.Threads)
        {
            if ((asleep & Bit(t.Number)) != 0 && t.Status != ThreadStatus.Finished && !Operation.Conflict(t.Pending, op))
                next |= Bit(t.Number);
        }
        _nextSleep = next;
    }

    public void OnBlocked(Execution execution, LogicalThread thread)
    {
        if (_reduce)
            _dependencies.OnBlocked(thread);
    }

    public void OnFinish(Execution execution, LogicalThread thread)
    {
        if (_reduce)
            _dependencies.OnFinish(thread);
    }

    public void OnSpawn(LogicalThread parent, LogicalThread child)
    {
        if (_reduce)
            _dependencies.OnSpawn(parent, child);
    }

    public int TakeReadConstraint(int thread) => _readConstraints.Remove(thread, out var step) ? step : -1;

    public void AddBacktrack(int step, int thread, int loadThread)
    {
        var branch = _path[_branchOfStep[step]];
        Add(branch, thread, loadThread);
        if (_bound is null || !IsPreemption(branch, thread))
            return;
        // Bounded DPOR (Coons et al.): running the thread here costs a preemption the bound may not allow, so
        // also try it where the current run of the previous thread began, where switching may be free.
        var start = step;
        while (start > 0 && _path[_branchOfStep[start - 1]].Chosen == branch.PreviousThread && !_path[_branchOfStep[start - 1]].IsValue)
            start--;
        if (start != step)
            Add(_path[_branchOfStep[start]], thread, -1);
    }

    private static void Add(Branch branch, int thread, int loadThread)
    {
        if ((branch.Enabled & Bit(thread)) == 0)
        {
            branch.Backtrack |= branch.Enabled;
            branch.OtherAlternatives |= branch.Enabled;
            return;
        }
        branch.Backtrack |= Bit(thread);
        if (loadThread < 0)
            branch.OtherAlternatives |= Bit(thread);
        else
            (branch.LoadRaceAlternatives ??= new())[thread] = loadThread;
    }

    public void EndExecution(Execution execution)
    {
        _current = null;
        if (_reduce)
        {
            foreach (var thread in execution.Threads)
            {
                if (thread.Dropped)
                    _dependencies.OnNeverRan(thread);
            }
        }
        _path.RemoveRange(_position, _path.Count - _position);
        for (var i = _path.Count - 1; i >= 0; i--)
        {
            var branch = _path[i];
            if (branch.IsValue)
            {
                if (branch.Chosen + 1 < branch.ValueCount)
                {
                    branch.Chosen++;
                    Truncate(i);
                    return;
                }
                continue;
            }

            var untried = branch.Backtrack & branch.Enabled & ~branch.Done & ~branch.Sleep;
            while (untried != 0)
            {
                var thread = BitOperations.TrailingZeroCount(untried);
                untried &= untried - 1;
                branch.Done |= Bit(thread);
                if (IsPreemption(branch, thread) && branch.PreemptionsBefore + 1 > _bound)
                {
                    _prunedByBound = true;
                    continue;
                }
                branch.Chosen = thread;
                branch.ReadConstraintThread =
                    (branch.OtherAlternatives & Bit(thread)) == 0 && branch.LoadRaceAlternatives?.TryGetValue(thread, out var load) == true ? load : -1;
                Truncate(i);
                return;
            }
        }
        _exhausted = true;
    }

    private void Truncate(int changed)
    {
        _path.RemoveRange(changed + 1, _path.Count - changed - 1);
        _replayLength = changed + 1;
    }

    private Branch NewBranch(int step, ulong enabled)
    {
        var branch = new Branch
        {
            Step = step,
            Enabled = enabled,
            Sleep = _reduce ? _nextSleep : 0,
            PreviousThread = _previousThread,
            PreemptionsBefore = _preemptions,
        };
        _path.Add(branch);
        return branch;
    }

    private static bool IsPreemption(Branch branch, int thread) =>
        thread != branch.PreviousThread && (branch.Enabled & Bit(branch.PreviousThread)) != 0;

    private void FailNondeterministic(Execution execution, Branch expected, ulong enabled)
    {
        var before = expected.OperationName is null ? "" : $" (last time {expected.OperationName} at {expected.OperationLocation})";
        execution.Fail(
            FailureKind.Nondeterminism,
            $"The test is nondeterministic: replaying the same decisions took a different path at step {execution.Step}. " +
            $"Last time threads {ThreadMask.Describe(expected.Enabled)} could run there{before}; this time threads {ThreadMask.Describe(enabled)}. " +
            "Something outside Loom's control changed the run: real time, unseeded randomness, state left over from an earlier execution " +
            "(a static field), or a real thread. Make every execution start from the same state and use Loom's mirror for concurrency.",
            null);
    }


    private static ulong Bit(int thread) => 1UL << thread;
}
