using System;
using System.Collections.Generic;
using Loom.Exploration;

namespace Loom.Runtime;

/// <summary>
/// The .NET memory model (dotnet/runtime docs/design/specs/Memory-model.md) for one execution. Each thread has
/// a vector clock of what it has synchronized with; each memory location keeps its stores in modification
/// order. A load may return any store that coherence and happens-before allow, and which one is a decision the
/// strategy makes (a value branch the exhaustive strategy explores). Volatile loads acquire and volatile stores
/// release; Interlocked operations and full fences are totally ordered with each other (multicopy-atomic
/// hardware: a fence makes a thread's earlier stores visible to every thread at once, so IRIW-style
/// disagreements are not produced); every operation on a synchronization object (lock, event, semaphore,
/// thread start and join) synchronizes with the previous ones on that object.
/// <para>
/// Tracked fields (<see cref="Loom.Threading.TrackedField{T}"/>) also get data-race detection: two conflicting
/// accesses from different threads with no happens-before between them fail the execution.
/// </para>
/// </summary>
internal sealed class MemoryModel
{
    private readonly Execution _execution;
    private readonly bool _weak;
    private readonly int _maxHistory;
    private readonly List<VectorClock> _threads = new();
    private readonly Dictionary<int, VectorClock> _finished = new();

    /// <summary>Everything published by the sequentially consistent operations so far, in their total order.</summary>
    private readonly VectorClock _fences = new();

    /// <summary>
    /// Per thread, the latest (in <see cref="Store.Sequence"/>) store of another thread that an ordered (acquire or
    /// sequentially consistent) load of it returned. Every store visible to others before that one is visible to
    /// the thread's later loads: without this, two readers could disagree on the order of two independent writes
    /// (IRIW), which multicopy-atomic hardware and the .NET model forbid.
    /// </summary>
    private readonly Dictionary<int, long> _observed = new();

    /// <summary>
    /// Per thread, the global store sequence at its last yield: a thread that spins (Thread.Yield, SpinWait, Sleep)
    /// is waiting for other threads' stores, and real hardware makes them visible eventually. Loom makes every
    /// store made so far visible to the thread at its yield, so spin loops terminate.
    /// </summary>
    private readonly Dictionary<int, long> _yielded = new();

    private long _sequence;

    public MemoryModel(Execution execution, LoomOptions options)
    {
        _execution = execution;
        _weak = options.MemoryModel == LoomMemoryModel.DotNet;
        _maxHistory = options.MaxStoreHistory;
    }

    /// <summary>Whether loads may return older stores (the .NET model) rather than always the newest (sequential consistency).</summary>
    public bool Weak => _weak;

    /// <summary>A started thread has seen everything its parent did before starting it.</summary>
    public void OnSpawn(LogicalThread parent, LogicalThread child)
    {
        var parentClock = ClockOf(parent.Number);
        var childClock = ClockOf(child.Number);
        // A reused thread number continues the previous occupant's epochs, so no thread mistakes the newcomer's
        // stores for ones it has already synchronized with.
        var epoch = Math.Max(childClock[child.Number], parentClock[child.Number]) + 1;
        childClock.CopyFrom(parentClock);
        childClock.Set(child.Number, epoch);
        Tick(parent.Number);
        _observed.Remove(child.Number);
        _yielded.Remove(child.Number);
    }

    /// <summary>What <paramref name="thread"/> has seen so far, for an edge to code that runs later (a timer it arms).</summary>
    public VectorClock Snapshot(LogicalThread thread) => ClockOf(thread.Number).Copy();

    /// <summary>Makes everything <paramref name="seen"/> records happen before <paramref name="thread"/>'s next operations.</summary>
    public void Acquire(LogicalThread thread, VectorClock seen) => ClockOf(thread.Number).Join(seen);

    /// <summary>What <paramref name="last"/> (the thread that ran last, if any) and every finished thread have seen, joined: what completed a task a thread waits for.</summary>
    public VectorClock CompletionClock(LogicalThread? last)
    {
        var clock = last is null ? new VectorClock() : ClockOf(last.Number).Copy();
        foreach (var final in _finished.Values)
            clock.Join(final);
        return clock;
    }

    /// <summary>Remembers what a finished thread did, for the threads that join it.</summary>
    public void OnFinish(LogicalThread thread) => _finished[thread.Number] = ClockOf(thread.Number).Copy();

    /// <summary>
    /// Applies the happens-before edges of an operation on a synchronization object or a thread, when the
    /// scheduler runs it. Memory locations are handled by the loads and stores themselves.
    /// </summary>
    public void OnOperation(LogicalThread thread, in Operation op)
    {
        if (op.Target is null || op.Access == AccessKind.None || op.Target is MemoryLocation)
            return;
        var clock = ClockOf(thread.Number);
        if (op.Target is LogicalThread other)
        {
            // Joining, or seeing that a thread is no longer alive, acquires everything it did.
            if (_finished.TryGetValue(other.Number, out var final))
                clock.Join(final);
            return;
        }
        var shared = op.Target.SyncClock ??= new VectorClock();
        clock.Join(shared);
        shared.Join(clock);
        Tick(thread.Number);
    }

    /// <summary>The thread yielded: every store made so far becomes visible to its later loads.</summary>
    public void OnYield(LogicalThread thread) => _yielded[thread.Number] = _sequence;

    /// <summary>A full fence (Interlocked.MemoryBarrier): ordered with every other fence and Interlocked operation.</summary>
    public void Fence(LogicalThread thread)
    {
        var clock = ClockOf(thread.Number);
        clock.Join(_fences);
        _fences.Join(clock);
        Tick(thread.Number);
    }

    /// <summary>
    /// Whether a weak load by <paramref name="thread"/> of <paramref name="location"/> could now return an older
    /// store than the newest. If not, the newest store is forced on it, and the order of the two still matters to
    /// partial-order reduction.
    /// </summary>
    public bool CanReadOlder(LogicalThread thread, MemoryLocation location)
    {
        if (!_weak || location.Stores.Count < 2)
            return false;
        return Floor(thread.Number, location, ClockOf(thread.Number), Observed(thread.Number), Yielded(thread.Number)) < location.Stores.Count - 1;
    }

    /// <summary>
    /// A load of <paramref name="location"/>, whose real memory currently holds <paramref name="current"/>. Returns
    /// the value the model gives the load. A load that is not a scheduling point of its own passes
    /// <paramref name="mayReadOlder"/> false and reads the newest store: a value choice needs a step to be recorded at.
    /// </summary>
    public T Load<T>(LogicalThread thread, MemoryLocation location, T current, MemoryOrder order, string? file, int line, bool mayReadOlder = true)
    {
        CatchUp(location, current);
        if (order == MemoryOrder.SequentiallyConsistent)
            Fence(thread);
        var clock = ClockOf(thread.Number);
        if (location.Races is { } races)
            CheckRace(thread, location, races, write: false, file, line);

        var newest = location.Stores.Count - 1;
        var oldest = mayReadOlder && _weak && order != MemoryOrder.SequentiallyConsistent ? Floor(thread.Number, location, clock, Observed(thread.Number), Yielded(thread.Number)) : newest;
        if (mayReadOlder && _execution.TakeReadConstraint(thread) is var since and >= 0)
        {
            // The strategy put other threads first so that this load could read what they store: the older stores
            // were explored from the other order already.
            while (oldest <= newest && location.Stores[oldest].Step < since)
                oldest++;
            if (oldest > newest)
            {
                _execution.Prune();
                throw new ExecutionAbortedException();
            }
        }
        var visible = newest - oldest + 1;
        if (visible > _maxHistory)
            Overflow(thread, location, visible, SourceText.Location(file, line));
        var choice = visible > 1 ? _execution.ChooseValue(visible) : 0;
        var index = newest - choice;
        var store = location.Stores[index];
        location.SeenByThread[thread.Number] = location.Dropped + index;
        if (order != MemoryOrder.Plain && store.Thread >= 0 && store.Thread != thread.Number && store.Sequence > Observed(thread.Number))
            _observed[thread.Number] = store.Sequence;

        if (order is MemoryOrder.Acquire or MemoryOrder.SequentiallyConsistent && store.Released is not null)
            clock.Join(store.Released);
        else if (!typeof(T).IsValueType && store.Value is not null)
            // Reading a reference orders the initialization of the object it points to (data dependency).
            clock.Join(store.WriterClock);
        if (order == MemoryOrder.SequentiallyConsistent)
            Fence(thread);
        return store.Value is T value ? value : default!;
    }

    /// <summary>
    /// A store of <paramref name="value"/> to <paramref name="location"/>, whose real memory held
    /// <paramref name="previous"/> just before. The caller writes real memory itself.
    /// </summary>
    public void Store<T>(LogicalThread thread, MemoryLocation location, T previous, T value, MemoryOrder order, string? file, int line)
    {
        CatchUp(location, previous);
        if (order == MemoryOrder.SequentiallyConsistent)
            Fence(thread);
        if (location.Races is { } races)
            CheckRace(thread, location, races, write: true, file, line);
        Append(thread, location, value, order);
        if (order == MemoryOrder.SequentiallyConsistent)
            Fence(thread);
    }

    /// <summary>
    /// An Interlocked read-modify-write: a full fence, a load of the newest store (atomicity), and, if it wrote, a
    /// store of <paramref name="result"/>; the caller has done the real operation, which turned
    /// <paramref name="previous"/> into <paramref name="result"/>.
    /// </summary>
    public void ReadModifyWrite<T>(LogicalThread thread, MemoryLocation location, T previous, T result, bool wrote)
    {
        CatchUp(location, previous);
        Fence(thread);
        var clock = ClockOf(thread.Number);
        var latest = location.Stores[^1];
        if (latest.Released is not null)
            clock.Join(latest.Released);
        location.SeenByThread[thread.Number] = location.Dropped + location.Stores.Count - 1;
        if (wrote)
            Append(thread, location, result, MemoryOrder.SequentiallyConsistent);
        Fence(thread);
    }

    private void Append<T>(LogicalThread thread, MemoryLocation location, T value, MemoryOrder order)
    {
        var me = thread.Number;
        var clock = ClockOf(me);
        var releases = order is MemoryOrder.Release or MemoryOrder.SequentiallyConsistent;
        var snapshot = clock.Copy();
        location.Stores.Add(new Store(value, me, clock[me], _execution.Step - 1, ++_sequence, snapshot, releases ? snapshot : null));
        location.SeenByThread[me] = location.Dropped + location.Stores.Count - 1;
        if (releases)
            Tick(me);
        Prune(location);
    }

    /// <summary>
    /// Records the value real memory holds when no store is known yet (the location's initial value), or when
    /// code outside Loom's view wrote it (a plain assignment to a field also used with Interlocked): such a store
    /// happens before everything, since Loom cannot tell when it was made.
    /// </summary>
    private void CatchUp<T>(MemoryLocation location, T current)
    {
        if (location.Stores.Count > 0 && Same(location.Stores[^1].Value, current))
            return;
        location.Stores.Add(new Store(current, -1, 0, -1, ++_sequence, new VectorClock(), null));
    }

    private static bool Same<T>(object? recorded, T current) =>
        typeof(T).IsValueType ? Equals(recorded, current) : ReferenceEquals(recorded, current);

    /// <summary>
    /// The oldest store the thread may still read: not older than one it has already read or written
    /// (coherence), nor older than the newest store that happens before it, nor older than a store of another
    /// thread that became visible before one the thread has observed (multicopy atomicity), nor older than a store
    /// made before the thread's last yield.
    /// </summary>
    private static int Floor(int thread, MemoryLocation location, VectorClock clock, long observed, long yielded)
    {
        var floor = location.SeenByThread.TryGetValue(thread, out var seen) ? seen - location.Dropped : 0;
        if (floor < 0)
            floor = 0;
        for (var i = location.Stores.Count - 1; i > floor; i--)
        {
            var store = location.Stores[i];
            if (store.HappensBefore(clock) || (store.Thread != thread && store.Sequence <= observed) || store.Sequence <= yielded)
                return i;
        }
        return floor;
    }

    private long Observed(int thread) => _observed.TryGetValue(thread, out var sequence) ? sequence : 0;

    private long Yielded(int thread) => _yielded.TryGetValue(thread, out var sequence) ? sequence : 0;

    /// <summary>Forgets stores no thread, present or future, can read any more: older than every live thread's happens-before floor.</summary>
    private void Prune(MemoryLocation location)
    {
        if (location.Stores.Count <= 2 * _maxHistory)
            return;
        var keepFrom = location.Stores.Count - 1;
        foreach (var t in _execution.Threads)
        {
            if (t.Status == ThreadStatus.Finished)
                continue;
            var clock = ClockOf(t.Number);
            var hbFloor = 0;
            for (var i = location.Stores.Count - 1; i > 0; i--)
            {
                if (location.Stores[i].HappensBefore(clock))
                {
                    hbFloor = i;
                    break;
                }
            }
            if (hbFloor < keepFrom)
                keepFrom = hbFloor;
        }
        if (keepFrom <= 0)
            return;
        location.Stores.RemoveRange(0, keepFrom);
        location.Dropped += keepFrom;
    }

    /// <summary>
    /// Records an access of <paramref name="thread"/> to a race-checked location and returns an earlier access of
    /// another thread that conflicts with it (one of the two writes) and does not happen before it, if any: a data
    /// race (FastTrack's epoch test, against the accessing thread's vector clock).
    /// </summary>
    public RaceState.Access? CheckRace(LogicalThread thread, RaceState races, bool write, string? file, int line, bool ordered = false, bool atomic = false)
    {
        var me = thread.Number;
        var clock = ClockOf(me);
        RaceState.Access? conflict = null;
        if (races.LastWrite is { } last && last.Thread != me && clock[last.Thread] < last.Epoch)
            conflict = last;
        var reads = races.ReadsSinceWrite;
        var access = new RaceState.Access(me, clock[me], _execution.Step - 1, file, line, write, ordered, atomic);
        if (write)
        {
            foreach (var read in reads)
            {
                if (conflict is null && read.Thread != me && clock[read.Thread] < read.Epoch)
                    conflict = read;
            }
            races.LastWrite = access;
            reads.Clear();
            return conflict;
        }
        for (var i = 0; i < reads.Count; i++)
        {
            if (reads[i].Thread == me)
            {
                reads[i] = access;
                return conflict;
            }
        }
        reads.Add(access);
        return conflict;
    }

    private void CheckRace(LogicalThread thread, MemoryLocation location, RaceState races, bool write, string? file, int line)
    {
        if (CheckRace(thread, races, write, file, line) is not { } earlier)
            return;
        var other = _execution.Threads[earlier.Thread];
        _execution.Fail(
            FailureKind.DataRace,
            $"Data race on {location}: {thread.Label} {(write ? "writes" : "reads")} it at {SourceText.Location(file, line)} (step {_execution.Step - 1}), " +
            $"and {other.Label}'s {earlier.Kind} at {earlier.Location} (step {earlier.Step}) does not happen before that: no lock, " +
            "Volatile or Interlocked operation orders the two. Protect the field with a lock, publish it with Volatile.Write and read it " +
            "with Volatile.Read, or use Interlocked; if the race is intended, declare the field as RacyField<T>.",
            thread);
        throw new ExecutionAbortedException();
    }

    private void Overflow(LogicalThread thread, MemoryLocation location, int visible, string site)
    {
        _execution.Fail(
            FailureKind.StoreHistoryExceeded,
            $"The load of {location} at {site} could read any of {visible} stores, more than LoomOptions.MaxStoreHistory ({_maxHistory}). " +
            "Loom does not drop stores silently: raise MaxStoreHistory, or make the model store to this location less often without synchronization.",
            thread);
        throw new ExecutionAbortedException();
    }

    private VectorClock ClockOf(int thread)
    {
        while (_threads.Count <= thread)
        {
            var clock = new VectorClock();
            clock.Set(_threads.Count, 1);
            _threads.Add(clock);
        }
        return _threads[thread];
    }

    private void Tick(int thread)
    {
        var clock = ClockOf(thread);
        clock.Set(thread, clock[thread] + 1);
    }
}
