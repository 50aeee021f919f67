using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Exploration;
using Loom.Simulation;

namespace Loom.Runtime;

/// <summary>
/// One run of the test body under the scheduler. Exactly one logical thread runs at a time; at each scheduling
/// point the running thread asks the strategy which thread performs the next operation, and the baton passes
/// only if that is another thread. The execution owns the model state of every object the run touches, the
/// trace, and the first failure.
/// </summary>
internal sealed partial class Execution
{
    /// <summary>How often a parked thread checks whether the running thread has stalled.</summary>
    private const int StallPollMilliseconds = 250;

    /// <summary>How long a seeming deadlock on a task waits for work that escaped to the thread pool to show itself.</summary>
    private static readonly TimeSpan EscapeGrace = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest such wait while the thread pool still has queued work.</summary>
    private static readonly TimeSpan EscapeGraceWhilePoolBusy = TimeSpan.FromSeconds(2);

    /// <summary>How many queued work items may run stacked above one another on one OS thread.</summary>
    private const int MaxNesting = 8;

    [ThreadStatic]
    private static Baton? t_callerBaton;

    /// <summary>Batons for queued work run above another thread's scheduling point on this OS thread.</summary>
    [ThreadStatic]
    private static Stack<Baton>? t_nestedBatons;

    private readonly IExplorationStrategy _strategy;
    private readonly List<LogicalThread> _threads = new();
    private readonly List<StepRecord> _steps;
    private readonly List<ScheduleDecision> _deviations = new();
    private readonly List<ModelObject> _objects = new();
    private readonly Dictionary<object, ModelObject> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<nint, ModelObject> _byAddress = new();

    /// <summary>Guards thread status changes and the failure, which a stalled-thread detector may touch from a parked thread.</summary>
    private readonly object _gate = new();

    private int _step;
    private int _objectIds;
    private LogicalThread? _lastRunner;

    /// <summary>The thread being launched (run up to its first operation), and the thread that launched it.</summary>
    private LogicalThread? _launching;
    private LogicalThread? _launcher;

    /// <summary>The thread of a crashed owner being unwound (<see cref="Kill"/>), and the thread that crashed it.</summary>
    private LogicalThread? _unwinding;
    private LogicalThread? _unwinder;

    /// <summary>Events of the simulated world, in the order they happened (<see cref="Note"/>).</summary>
    private readonly List<ExecutionNote> _notes = new();
    private UnseenCodeLog? _unseen;
    private volatile bool _aborting;
    private ExecutionFailure? _failure;
    private bool _pruned;
    private bool _restartRequested;
    private int _liveWorkers;
    private int _gcEpoch;

    /// <summary>Times control passed to another OS thread, and the most workers alive at once (<see cref="HandoffTally"/>).</summary>
    private int _osHandoffs;
    private int _peakWorkers;

    /// <summary>Threads found blocked at the previous scheduling point (see <see cref="NoteNewlyBlocked"/>).</summary>
    private ulong _wasBlocked;

    /// <summary>The object every continuation's start touches, so partial-order reduction explores their orders.</summary>
    private readonly AsyncOrder _continuations;

    public Execution(LoomOptions options, IExplorationStrategy strategy, List<StepRecord> steps, long seed)
        : this(options, strategy, steps, seed, new Sharing.RacingLocations([]))
    {
    }

    /// <summary>An execution of an exploration that has found the <paramref name="racing"/> locations racing so far.</summary>
    public Execution(LoomOptions options, IExplorationStrategy strategy, List<StepRecord> steps, long seed, Sharing.RacingLocations racing)
    {
        Shared = new Sharing.SharedMemory(this, racing);
        _races = racing.Snapshot();
        Seed = seed;
        Options = options;
        _strategy = strategy;
        _steps = steps;
        _steps.Clear();
        Memory = new MemoryModel(this, options);
        TaskScheduler = new ControlledTaskScheduler(this);
        Clock = new SimClock(this);
        Random = new SimRandom(seed);
        _continuations = new AsyncOrder(this);
    }

    /// <summary>The synchronization context a logical thread runs with: awaits resume through it as new steps.</summary>
    private static ControlledSynchronizationContext ContextOf(LogicalThread thread) =>
        (ControlledSynchronizationContext)(thread.Context ??= new ControlledSynchronizationContext(thread));

    /// <summary>The task scheduler tasks started under Loom's control run on.</summary>
    public ControlledTaskScheduler TaskScheduler { get; }

    /// <summary>The execution's virtual time.</summary>
    public SimClock Clock { get; }

    /// <summary>The seed of the execution's random source (and, for seeded strategies, of its schedule).</summary>
    public long Seed { get; }

    /// <summary>The execution's seeded random source.</summary>
    public SimRandom Random { get; }

    /// <summary>The memory model's state for this execution: thread clocks and store histories.</summary>
    public MemoryModel Memory { get; }

    /// <summary>The fields, array elements and opaque collections rewritten code shares, by object and field.</summary>
    public Sharing.SharedMemory Shared { get; }

    /// <summary>The awaits of rewritten code that suspended, for deadlock reports.</summary>
    public Async.PendingAwaits Awaits { get; } = new();

    /// <summary>The locations earlier executions found racing, as this execution started: their accesses are its scheduling points.</summary>
    private readonly int[] _races;

    /// <summary>The code this execution's threads ran that Loom did not see (Loom.Interception.UnseenCode); made on first use.</summary>
    public UnseenCodeLog Unseen => _unseen ??= new UnseenCodeLog();

    /// <summary>Whether this execution's threads ran code Loom did not see.</summary>
    public bool RanUnseenCode => _unseen is { IsEmpty: false };

    public LoomOptions Options { get; }

    /// <summary>The index of the next scheduling point.</summary>
    public int Step => _step;

    public IReadOnlyList<LogicalThread> Threads => _threads;

    public IReadOnlyList<StepRecord> Steps => _steps;

    /// <summary>The events of the simulated world recorded with <see cref="Note"/>, in order.</summary>
    public IReadOnlyList<ExecutionNote> Notes => _notes;

    public ExecutionFailure? Failure => _failure;

    /// <summary>Whether the strategy cut this execution short because it can only repeat explored interleavings.</summary>
    public bool Pruned => _pruned;

    /// <summary>
    /// Whether the execution must run again with the same decisions: a garbage collection may have moved memory it
    /// tracks by address, or queued work it ran above another thread's scheduling point stood in that thread's way
    /// (<see cref="UnnestStep"/>).
    /// </summary>
    public bool RestartRequested => _restartRequested;

    /// <summary>The start step of the queued work that must run on a pooled worker when the execution runs again.</summary>
    public int? UnnestStep { get; private set; }

    /// <summary>Whether queued work may run above the scheduling point of the thread that chose it, on that thread's OS thread.</summary>
    public bool Nesting { get; init; }

    /// <summary>Whether thread 0 runs on a pooled worker, so queued work may run above it on its OS thread (Explorer).</summary>
    public bool MainCanHost { get; init; }

    /// <summary>The start steps of queued work that runs on a pooled worker rather than above the thread that chose it.</summary>
    public HashSet<int>? Unnested { get; init; }

    public bool Aborting => _aborting;

    /// <summary>The thread that took the latest step, if any.</summary>
    public LogicalThread? LastRunner => _lastRunner;

    /// <summary>Whether <see cref="Run"/> has returned: nothing may report into the execution any more.</summary>
    public bool Finished { get; private set; }

    /// <summary>The decisions that differ from the default choice: the schedule id of this execution.</summary>
    public ScheduleId ScheduleId => new(_deviations, _races);

    public int NextObjectId() => _objectIds++;

    /// <summary>Runs the body as thread 0 on the calling OS thread and returns when every logical thread is done.</summary>
    public void Run(ModelBody body)
    {
        var main = new LogicalThread(this, 0, null) { Status = ThreadStatus.Running };
        main.Baton = t_callerBaton ??= new Baton();
        main.Baton.Claim(main);
        _threads.Add(main);
        _lastRunner = main;
        _gcEpoch = GC.CollectionCount(0);

        var previous = LogicalThread.Current;
        var previousContext = SynchronizationContext.Current;
        LogicalThread.Current = main;
        LoomRuntime.CurrentExecution.Value = this;
        SynchronizationContext.SetSynchronizationContext(ContextOf(main));
        try
        {
            body.Invoke(this, main);
        }
        catch (ExecutionAbortedException)
        {
        }
        catch (Exception ex)
        {
            Fail(FailureKind.Exception, DescribeException(main, ex), main, ex);
        }
        finally
        {
            FinishMain(main);
            Finished = true;
            HandoffTally.Add(_osHandoffs, 1 + _peakWorkers);
            main.Baton.Release();
            SynchronizationContext.SetSynchronizationContext(previousContext);
            LogicalThread.Current = previous;
            LoomRuntime.CurrentExecution.Value = null;
        }
    }

    /// <summary>Runs a started logical thread's body on a pooled worker.</summary>
    public void RunThread(LogicalThread thread)
    {
        LogicalThread.Current = thread;
        LoomRuntime.CurrentExecution.Value = this;
        SynchronizationContext.SetSynchronizationContext(ContextOf(thread));
        try
        {
            if (!_aborting)
                thread.Body!();
        }
        catch (ExecutionAbortedException)
        {
        }
        catch (Exception ex)
        {
            Fail(FailureKind.Exception, DescribeException(thread, ex), thread, ex);
        }
        finally
        {
            FinishWorkerThread(thread);
            SynchronizationContext.SetSynchronizationContext(null);
            LogicalThread.Current = null;
            LoomRuntime.CurrentExecution.Value = null;
        }
    }

    /// <summary>
    /// A scheduling point: <paramref name="me"/> is about to perform <paramref name="op"/>. Returns when the
    /// strategy has chosen <paramref name="me"/> to perform it (possibly after other threads ran).
    /// </summary>
    /// <exception cref="ExecutionAbortedException">The execution is being torn down.</exception>
    public void Schedule(LogicalThread me, in Operation op)
    {
        if (_aborting || me.Killed)
        {
            if ((op.Flags & OperationFlags.RunsDuringAbort) != 0)
                return;
            throw new ExecutionAbortedException();
        }
        me.Pending = op;
        if (me == _launching)
        {
            // The new thread has reached its first visible operation: hand control back to the thread that started it.
            EndLaunch();
            Park(me);
            return;
        }
        Decide(me);
    }

    /// <summary>
    /// Runs a thread just started by <paramref name="parent"/> up to its first visible operation, so that the
    /// scheduler knows what it will do next. Code before that operation touches nothing other threads can see,
    /// so running it now rather than later changes nothing observable, and starting a thread costs no step.
    /// </summary>
    public void Launch(LogicalThread parent, LogicalThread child)
    {
        _launching = child;
        _launcher = parent;
        Transfer(parent, child);
    }

    private void EndLaunch()
    {
        var parent = _launcher!;
        _launching = null;
        _launcher = null;
        _osHandoffs++;
        parent.Baton.Signal();
    }

    /// <summary>Starts a logical thread created by the running thread; it runs when the strategy first picks it.</summary>
    public LogicalThread CreateThread(Action body, string? name, object? mirror)
    {
        lock (_gate)
        {
            if (_threads.Count >= LoomOptions.MaxThreads)
            {
                throw new InvalidOperationException(
                    $"The model started more than {LoomOptions.MaxThreads} threads in one execution; Loom tracks at most {LoomOptions.MaxThreads} (LoomOptions.MaxThreads).");
            }
            var thread = new LogicalThread(this, _threads.Count, body) { Name = name, Mirror = mirror, Owner = LogicalThread.Current?.Owner };
            _threads.Add(thread);
            if (LogicalThread.Current is { } parent)
            {
                _strategy.OnSpawn(parent, thread);
                Memory.OnSpawn(parent, thread);
            }
            return thread;
        }
    }

    /// <summary>
    /// Queues work posted to the execution's synchronization context or task scheduler, or a timer callback: it
    /// becomes a logical thread whose start is a scheduling decision (unlike <see cref="Launch"/>, which runs a
    /// new thread at once): a continuation touches state Loom cannot see, so when it runs matters.
    /// <paramref name="owner"/> is the simulated node the work belongs to: the work of a crashed node is dropped.
    /// </summary>
    public void QueueWork(Action work, WorkName name, string what, IWorkOwner? owner = null) => QueueWork(work, name, what, owner, null);

    /// <summary>
    /// Queues work that also happens after <paramref name="after"/>: what a thread knew when it armed the timer
    /// whose firing queues the work. A timer fires from whichever thread moves virtual time on, and the code that
    /// armed it (an async method before its <c>await Task.Delay</c>) must still happen before what the timer resumes.
    /// </summary>
    public void QueueWork(Action work, WorkName name, string what, IWorkOwner? owner, Exploration.VectorClock? after)
    {
        var poster = LogicalThread.Current;
        if (poster?.Execution != this)
        {
            if (!Finished && !_aborting)
            {
                Fail(
                    FailureKind.UncontrolledConcurrency,
                    $"Work ({name}) was queued to the Loom execution from an OS thread Loom does not control (managed thread {Environment.CurrentManagedThreadId}): " +
                    "the awaited operation completed outside the execution, on a real timer, real I/O or the thread pool. Use the execution's clock " +
                    "(Sim.Clock, a TimeProvider) for delays and timeouts, LoomTask.Run instead of Task.Run, and Loom's simulated I/O.",
                    null);
            }
            return;
        }
        if (owner is { IsAlive: false })
            return;
        lock (_gate)
        {
            // Queued work is short-lived and a simulation queues thousands: a finished work item's number is
            // reused (the lowest one, so numbering stays deterministic). Started threads keep theirs, as they may
            // still be joined.
            var slot = _threads.FindIndex(t => t.IsQueuedWork && t.Status == ThreadStatus.Finished && !t.Dropped);
            if (slot < 0 && _threads.Count >= LoomOptions.MaxThreads)
            {
                Fail(
                    FailureKind.StepBoundExceeded,
                    $"More than {LoomOptions.MaxThreads} threads and queued tasks were alive at once in one execution (LoomOptions.MaxThreads); Loom tracks thread sets as 64-bit masks.",
                    poster);
                return;
            }
            var thread = new LogicalThread(this, slot < 0 ? _threads.Count : slot, work) { WorkName = name, IsQueuedWork = true, Owner = owner };
            thread.Pending = new Operation($"({what})", AccessKind.Write, _continuations, null, 0);
            if (slot < 0)
            {
                _threads.Add(thread);
            }
            else
            {
                _threads[slot] = thread;
                foreach (var location in _objects.OfType<MemoryLocation>())
                    location.SeenByThread.Remove(slot);
            }
            _strategy.OnSpawn(poster, thread);
            Memory.OnSpawn(poster, thread);
            if (after is not null)
                Memory.Acquire(thread, after);
        }
    }

    /// <summary>Blocks <paramref name="me"/> until <paramref name="task"/> completes, as a scheduling point.</summary>
    public void WaitForTask(LogicalThread me, Task task, string what, string? file, int line) =>
        WaitForTask(me, new TaskWait(this, task, what), $"await {what}", file, line);

    /// <summary>
    /// Blocks <paramref name="me"/>, at a scheduling point named <paramref name="api"/>, until <paramref name="wait"/>
    /// can end: its tasks completed, its virtual-time timeout passed or its token was canceled.
    /// </summary>
    public void WaitForTask(LogicalThread me, TaskWait wait, string api, string? file, int line) =>
        Schedule(me, new Operation(api, AccessKind.Acquire, wait, file, line));

    /// <summary>Blocks <paramref name="me"/> until <paramref name="duration"/> of virtual time has passed.</summary>
    public void Sleep(LogicalThread me, TimeSpan duration, string api, string? file, int line)
    {
        var timer = new SimTimer(Clock, null, null, null);
        timer.Change(duration, Timeout.InfiniteTimeSpan);
        Schedule(me, new Operation(api, AccessKind.Acquire, new Wakeup(this, timer), file, line));
    }

    /// <summary>
    /// Simulation hook: <paramref name="owner"/> (a simulated node) crashed, called by the running thread
    /// <paramref name="me"/>. The owner's queued work that has not started never runs. Its threads parked at a
    /// scheduling point are woken one at a time and unwind as in teardown (release operations in finally blocks
    /// complete, anything else throws again), then control comes back to <paramref name="me"/>; none of this is a
    /// step. If <paramref name="me"/> is the owner's own, it is marked last and the caller must unwind it.
    /// </summary>
    public void Kill(IWorkOwner owner, LogicalThread me)
    {
        var parked = new List<LogicalThread>();
        lock (_gate)
        {
            foreach (var t in _threads)
            {
                if (t.Owner != owner || t.Status == ThreadStatus.Finished || t == me)
                    continue;
                t.Killed = true;
                if (t.Status == ThreadStatus.NotStarted)
                    t.Status = ThreadStatus.Finished;
                else
                    parked.Add(t);
            }
        }
        foreach (var victim in parked)
        {
            if (_aborting)
                break;
            _unwinding = victim;
            _unwinder = me;
            Transfer(me, victim);
        }
        if (me.Owner == owner)
            me.Killed = true;
    }

    private void EndUnwind()
    {
        var back = _unwinder!;
        _unwinding = null;
        _unwinder = null;
        _osHandoffs++;
        back.Baton.Signal();
    }

    /// <summary>
    /// Records an event of the simulated world (a fault injected, a node crashed) in the trace, attached to the
    /// step being run. It takes no scheduling decision; it is part of the trace hash and of the failure report.
    /// </summary>
    public void Note(string text) => _notes.Add(new ExecutionNote(_step - 1, Clock.GetTimestamp(), text));

    /// <summary>Asks the strategy for a value choice among <paramref name="count"/> alternatives (0 is the default).</summary>
    public int ChooseValue(int count)
    {
        if (count <= 1)
            return 0;
        var choice = _strategy.ChooseValue(this, count);
        if (choice != 0)
            _deviations.Add(new ScheduleDecision(_step - 1, ScheduleDecisionKind.Value, choice));
        return choice;
    }

    /// <summary>
    /// The step from which <paramref name="thread"/>'s next load must read (a store made at or after it), or -1
    /// for no constraint. Consumed by the call.
    /// </summary>
    public int TakeReadConstraint(LogicalThread thread) => _strategy.TakeReadConstraint(thread.Number);

    /// <summary>Attaches the value an operation read, wrote or returned to its trace step.</summary>
    public void RecordValue(LogicalThread thread, object? value)
    {
        if (thread.LastStep >= 0 && thread.LastStep < _steps.Count)
            CollectionsMarshal.AsSpan(_steps)[thread.LastStep].Value = value;
    }

    /// <summary>The model state of a shared object, created on its first use in this execution.</summary>
    public T ModelOf<T>(object key, Func<Execution, object, T> create)
        where T : ModelObject
    {
        if (_byReference.TryGetValue(key, out var existing))
            return (T)existing;
        var created = create(this, key);
        _byReference.Add(key, created);
        _objects.Add(created);
        return created;
    }

    /// <summary>
    /// The model state of a memory location named by reference. A reference that <paramref name="thread"/> just took
    /// from a field or element of rewritten code is that field of that object (<see cref="Sharing.SharedMemory.Resolve"/>),
    /// which a garbage collection does not change. Any other reference has no identity that survives the collector
    /// moving its object, so it is keyed by address and the execution is restarted (deterministically, with the same
    /// decisions) if a collection happens while any such location is known.
    /// </summary>
    public unsafe MemoryLocation LocationOf<TValue>(LogicalThread thread, ref TValue location, string kind, string? name)
    {
        if (Shared.Resolve(thread, ref location) is { } shared)
            return Shared.ModelOf(shared, kind);
        CheckAddressesStable();
        var address = (nint)Unsafe.AsPointer(ref location);
        if (_byAddress.TryGetValue(address, out var existing))
            return (MemoryLocation)existing;
        var created = new MemoryLocation(this, kind, name);
        _byAddress.Add(address, created);
        _objects.Add(created);
        return created;
    }

    /// <summary>Adds a model object that is not keyed by reference or address (a shared field's store history).</summary>
    public void Track(ModelObject created) => _objects.Add(created);

    private void CheckAddressesStable()
    {
        if (_aborting)
            return;
        var epoch = GC.CollectionCount(0);
        if (epoch == _gcEpoch)
            return;
        if (_byAddress.Count == 0)
        {
            _gcEpoch = epoch;
            return;
        }
        lock (_gate)
            _restartRequested = true;
        BeginAbort();
        throw new ExecutionAbortedException();
    }

    /// <summary>Records the first failure of the execution and tears it down.</summary>
    public void Fail(FailureKind kind, string message, LogicalThread? thread, Exception? exception = null)
    {
        lock (_gate)
            _failure ??= new ExecutionFailure(kind, message, thread?.Number, exception, _step);
        BeginAbort();
    }

    /// <summary>Stops the execution without a failure: the strategy found it can only repeat what was explored.</summary>
    public void Prune()
    {
        lock (_gate)
            _pruned = true;
        BeginAbort();
    }
}
