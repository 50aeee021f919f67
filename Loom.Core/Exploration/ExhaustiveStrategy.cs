using System;
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
/// A parallel search (<see cref="Runtime.ParallelSearch"/>) runs one subtree per instance: the path starts with the
/// task's prefix, which stays frozen, and what the subtree asks of the frozen branches goes to a
/// <see cref="SubtreeRecord"/> for the coordinator to apply.
/// </summary>
internal sealed class ExhaustiveStrategy : IExplorationStrategy, IBacktrackSink
{
    private readonly List<Branch> _path = new();
    private readonly List<int> _branchOfStep = new();
    private readonly Dictionary<int, int> _readConstraints = new();
    private readonly DependencyTracker _dependencies;
    private readonly int? _bound;
    private readonly bool _reduce;

    /// <summary>For a subtree of a parallel search: where its frozen branches and requests go; otherwise null.</summary>
    private readonly SubtreeRecord? _record;

    /// <summary>For a subtree: how many branches with a choice the coordinator keeps above it (see <see cref="SplitPoint"/>).</summary>
    private readonly int _splitDepth;

    /// <summary>Branches before this index are frozen: the exploration never changes their choice. 0 for a whole search.</summary>
    private int _floor;

    private bool _floorSet;

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

    /// <summary>
    /// A subtree of a parallel search: every execution below <paramref name="prefix"/> whose first
    /// <paramref name="splitDepth"/> branches with a choice are those of the subtree's first execution.
    /// </summary>
    public ExhaustiveStrategy(int? preemptionBound, bool partialOrderReduction, IReadOnlyList<Branch> prefix, int splitDepth, SubtreeRecord record)
        : this(preemptionBound, partialOrderReduction)
    {
        foreach (var branch in prefix)
            _path.Add(branch.Clone());
        _replayLength = _floor = prefix.Count;
        _splitDepth = splitDepth;
        _record = record;
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
        var index = _branchOfStep[step];
        var branch = _path[index];
        Request(index, thread, loadThread);
        if (_bound is null || !IsPreemption(branch, thread))
            return;
        // Bounded DPOR (Coons et al.): running the thread here costs a preemption the bound may not allow, so
        // also try it where the current run of the previous thread began, where switching may be free.
        var start = step;
        while (start > 0 && _path[_branchOfStep[start - 1]].Chosen == branch.PreviousThread && !_path[_branchOfStep[start - 1]].IsValue)
            start--;
        if (start != step)
            Request(_branchOfStep[start], thread, -1);
    }

    private void Request(int index, int thread, int loadThread)
    {
        // A frozen branch's alternatives are the coordinator's to try; this subtree only tells it.
        if (index < _floor)
            _record!.Request(new BacktrackRequest(index, thread, loadThread));
        Add(_path[index], thread, loadThread);
    }

    /// <summary>Adds <paramref name="thread"/> to the alternatives to try at <paramref name="branch"/>.</summary>
    internal static void Add(Branch branch, int thread, int loadThread)
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
        if (_position < _floor)
        {
            // The execution ended inside the frozen prefix, which only a nondeterministic replay does (and that
            // failure ends the run): nothing below the prefix is left to explore.
            _exhausted = true;
            return;
        }
        _path.RemoveRange(_position, _path.Count - _position);
        if (_record is not null && !_floorSet)
        {
            // The first execution decides the rest of the coordinator's part of this path; they freeze too.
            var split = SplitPoint(_path, _floor, _splitDepth);
            _record.Publish(_path.GetRange(_floor, split - _floor));
            _floor = split;
            _floorSet = true;
        }
        var changed = Backtrack(_path, _floor, _bound, ref _prunedByBound);
        if (changed < 0)
            _exhausted = true;
        else
            _replayLength = changed + 1;
    }

    /// <summary>
    /// Moves <paramref name="path"/> to the next interleaving: the deepest branch at or after <paramref name="floor"/>
    /// with an alternative left takes it, and the path ends there. Returns that branch's index, or -1 when nothing
    /// at or after the floor is left to try.
    /// </summary>
    internal static int Backtrack(List<Branch> path, int floor, int? bound, ref bool prunedByBound)
    {
        for (var i = path.Count - 1; i >= floor; i--)
        {
            var branch = path[i];
            if (branch.IsValue)
            {
                if (branch.Chosen + 1 < branch.ValueCount)
                {
                    branch.Chosen++;
                    path.RemoveRange(i + 1, path.Count - i - 1);
                    return i;
                }
                continue;
            }

            var untried = branch.Backtrack & branch.Enabled & ~branch.Done & ~branch.Sleep;
            while (untried != 0)
            {
                var thread = BitOperations.TrailingZeroCount(untried);
                untried &= untried - 1;
                branch.Done |= Bit(thread);
                if (IsPreemption(branch, thread) && branch.PreemptionsBefore + 1 > bound)
                {
                    prunedByBound = true;
                    continue;
                }
                branch.Chosen = thread;
                branch.ReadConstraintThread =
                    (branch.OtherAlternatives & Bit(thread)) == 0 && branch.LoadRaceAlternatives?.TryGetValue(thread, out var load) == true ? load : -1;
                path.RemoveRange(i + 1, path.Count - i - 1);
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The index just past the <paramref name="depth"/>-th branch from the start of <paramref name="path"/> that
    /// offers more than one option, and no less than <paramref name="floor"/>; the path's length if it has fewer.
    /// </summary>
    private static int SplitPoint(List<Branch> path, int floor, int depth)
    {
        var seen = 0;
        for (var i = 0; i < path.Count; i++)
        {
            var branch = path[i];
            if (branch.IsValue ? branch.ValueCount > 1 : BitOperations.PopCount(branch.Enabled & ~branch.Sleep) > 1)
                seen++;
            if (seen == depth)
                return Math.Max(i + 1, floor);
        }
        return path.Count;
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
