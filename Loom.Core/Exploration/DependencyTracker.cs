using System.Collections.Generic;
using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>
/// Finds races for dynamic partial-order reduction. It keeps a vector clock per thread over the happens-before
/// order of dependent operations, and for every object the last accesses that later ones may conflict with.
/// When an operation conflicts with an earlier one from another thread that does not happen before it, the two
/// could run the other way round: the tracker asks for the later thread to be tried before the earlier
/// operation (a backtrack point), as in Flanagan and Godefroid's DPOR.
/// </summary>
internal sealed class DependencyTracker
{
    private readonly List<VectorClock> _threads = new();
    private readonly IBacktrackSink _sink;

    public DependencyTracker(IBacktrackSink sink) => _sink = sink;

    /// <summary>Forgets the previous execution: every thread's clock starts at zero.</summary>
    public void Reset() => _threads.Clear();

    /// <summary>The child's history starts with everything its parent did before starting it.</summary>
    public void OnSpawn(LogicalThread parent, LogicalThread child) => Clock(child.Number).CopyFrom(Clock(parent.Number));

    /// <summary>Records that <paramref name="thread"/> performed <paramref name="op"/> at <paramref name="step"/>.</summary>
    public void OnExecute(Execution execution, int step, LogicalThread thread, in Operation op)
    {
        var me = thread.Number;
        var clock = Clock(me);
        if (op.Target is { } target && op.Access != AccessKind.None)
        {
            var state = StateOf(target);
            var kind = op.Access;

            // Races are judged on the clock before this operation's own edges are added. A weak load after a
            // store can return the older values by itself, so only the load-then-store order needs reversing.
            var weakLoad = (op.Flags & OperationFlags.WeakLoad) != 0;
            var skipLastWrite = weakLoad && target is MemoryLocation location && execution.Memory.CanReadOlder(thread, location);
            CheckRaces(state, kind, me, step, skipLastWrite);

            // A weak load that could still read older stores is not ordered after the newest one either: joining
            // its clock would hide the races of this thread's later operations with that store's thread.
            if (!skipLastWrite)
                JoinFrom(clock, state.LastWrite);
            JoinFrom(clock, state.LastAcquire);
            // An acquire that follows a release is ordered after it even though the two commute: the acquire
            // could not have happened before the release made the object available.
            JoinFrom(clock, state.LastRelease);
            if (kind != AccessKind.Read)
            {
                foreach (var read in state.Reads)
                    JoinFrom(clock, read);
            }

            clock.Set(me, step + 1);
            var access = new Access(step, me, clock.Copy(), weakLoad);
            switch (kind)
            {
                case AccessKind.Read:
                    SetRead(state, me, access);
                    break;
                case AccessKind.Write:
                    state.LastWrite = access;
                    state.LastAcquire = null;
                    state.LastRelease = null;
                    state.Reads.Clear();
                    break;
                case AccessKind.Acquire:
                    state.LastAcquire = access;
                    state.Reads.Clear();
                    break;
                case AccessKind.Release:
                    state.LastRelease = access;
                    state.Reads.Clear();
                    break;
            }
        }
        else
        {
            clock.Set(me, step + 1);
        }
    }

    /// <summary>
    /// <paramref name="thread"/> reached an operation it cannot perform yet. The operation that blocks it may
    /// race with it: had this thread come first, it would have gone through.
    /// </summary>
    public void OnBlocked(LogicalThread thread)
    {
        var op = thread.Pending;
        if (op.Target is null || op.Target is LogicalThread)
            return;
        var state = StateOf(op.Target);
        CheckRace(state.LastAcquire, thread.Number, int.MaxValue);
        CheckRace(state.LastWrite, thread.Number, int.MaxValue);
    }

    /// <summary>
    /// <paramref name="thread"/>'s pending operation never ran (queued work dropped when the body returned). Had it
    /// run earlier, it would have met the operations it conflicts with in the other order.
    /// </summary>
    public void OnNeverRan(LogicalThread thread)
    {
        var op = thread.Pending;
        if (op.Target is null || op.Access == AccessKind.None)
            return;
        CheckRaces(StateOf(op.Target), op.Access, thread.Number, int.MaxValue, skipLastWrite: false);
    }

    private void CheckRaces(ObjectState state, AccessKind kind, int me, int step, bool skipLastWrite)
    {
        if (!skipLastWrite)
            CheckRace(state.LastWrite, me, step);
        if (kind != AccessKind.Read)
            CheckReads(state, me, step);
        if (kind is AccessKind.Read or AccessKind.Write or AccessKind.Acquire)
            CheckRace(state.LastAcquire, me, step);
        if (kind is AccessKind.Read or AccessKind.Write)
            CheckRace(state.LastRelease, me, step);
    }

    /// <summary>A finished thread's history is what its joiners learn; earlier liveness checks race with its end.</summary>
    public void OnFinish(LogicalThread thread)
    {
        var state = StateOf(thread);
        var me = thread.Number;
        CheckReads(state, me, int.MaxValue);
        state.LastWrite = new Access(-1, me, Clock(me).Copy(), false);
        state.Reads.Clear();
    }

    private void CheckReads(ObjectState state, int me, int step)
    {
        foreach (var read in state.Reads)
            CheckRace(read, me, step);
    }

    private void CheckRace(Access? earlier, int me, int step)
    {
        if (earlier is null || earlier.Thread == me || earlier.Step < 0 || earlier.Step >= step)
            return;
        if (Clock(me)[earlier.Thread] < earlier.Step + 1)
            _sink.AddBacktrack(earlier.Step, me, earlier.WeakLoad ? earlier.Thread : -1);
    }

    private static void JoinFrom(VectorClock clock, Access? access)
    {
        if (access is not null)
            clock.Join(access.Clock);
    }

    private static void SetRead(ObjectState state, int me, Access access)
    {
        for (var i = 0; i < state.Reads.Count; i++)
        {
            if (state.Reads[i].Thread == me)
            {
                state.Reads[i] = access;
                return;
            }
        }
        state.Reads.Add(access);
    }

    private VectorClock Clock(int thread)
    {
        while (_threads.Count <= thread)
            _threads.Add(new VectorClock());
        return _threads[thread];
    }

    private static ObjectState StateOf(ModelObject target) =>
        target.DependencyState as ObjectState ?? (ObjectState)(target.DependencyState = new ObjectState());

    /// <summary>One past operation: when, by whom, the history it carried, and whether it was a weak load.</summary>
    private sealed record Access(int Step, int Thread, VectorClock Clock, bool WeakLoad);

    /// <summary>The accesses of one object that a later operation may conflict with.</summary>
    private sealed class ObjectState
    {
        public Access? LastWrite;
        public Access? LastAcquire;
        public Access? LastRelease;
        public readonly List<Access> Reads = new();
    }
}
