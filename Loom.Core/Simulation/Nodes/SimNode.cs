using System;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Reporting;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// A simulated machine in a <see cref="SimWorld"/>: a name, an async entry point, its own clock, disk and network
/// interface. It can crash (everything in its memory and every piece of its work not yet run is gone, its disk keeps
/// what had reached it), restart (its entry point runs again, with a fresh object graph, over its surviving disk) and
/// pause. Everything its entry point starts (awaits, <see cref="Threading.Tasks.LoomTask.Run(Action, string?, int)"/>,
/// timers on its clock) is the node's work and dies with it.
/// </summary>
public sealed class SimNode
{
    private readonly Func<SimNode, Task> _entryPoint;
    private NodeIncarnation _incarnation;
    private SimTimer? _resume;

    internal SimNode(SimWorld world, string name, Func<SimNode, Task> entryPoint, SimNodeClock clock, DiskFaults diskFaults)
    {
        World = world;
        Name = name;
        _entryPoint = entryPoint;
        Clock = clock;
        Disk = new SimDisk(this, diskFaults);
        Network = new SimNodeNetwork(this);
        _incarnation = new NodeIncarnation(this, 1);
        Random = SeedStreams.For(world.Seed, $"node {name} 1");
    }

    /// <summary>The node whose code is running, or <see langword="null"/> outside any node (the test body, the fault injector).</summary>
    public static SimNode? Current => (LogicalThread.Current?.Owner as NodeIncarnation)?.Node;

    /// <summary>The node's name, unique in its world.</summary>
    public string Name { get; }

    /// <summary>The world the node lives in.</summary>
    public SimWorld World { get; }

    /// <summary>Where the node is in its life.</summary>
    public SimNodeState State { get; private set; } = SimNodeState.Running;

    /// <summary>Whether the node is running or paused (not crashed, not exited).</summary>
    public bool IsUp => State is SimNodeState.Running or SimNodeState.Paused;

    /// <summary>Whether the node's entry point has run at least once (its first piece of work got its turn).</summary>
    public bool HasRun { get; private set; }

    /// <summary>Which life of the node this is: 1 until its first restart, then one more per restart.</summary>
    public int Incarnation => _incarnation.Number;

    /// <summary>The node's clock, with its own skew, drift and jumps. Pass it wherever the node's code takes a <see cref="TimeProvider"/>.</summary>
    public SimNodeClock Clock { get; }

    /// <summary>The node's disk: it survives crashes, with the faults <see cref="DiskFaults"/> allows.</summary>
    public SimDisk Disk { get; }

    /// <summary>The node's network interface: connections, listeners and datagram sockets.</summary>
    public SimNodeNetwork Network { get; }

    /// <summary>A random source of this incarnation, seeded from the execution's seed, the node's name and the incarnation.</summary>
    public Random Random { get; private set; }

    internal NodeIncarnation Life => _incarnation;

    /// <summary>
    /// Crashes the node now, as a power loss would: its work that has not run is dropped (if the caller is the node's
    /// own code, it stops at once), its sockets and connections vanish without a goodbye (peers notice by timeouts),
    /// open file handles close, and unflushed disk writes are lost, kept or torn as the seed and
    /// <see cref="DiskFaults"/> decide. The fault plan records all of it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node is already crashed, or the caller is not code of this Loom execution.</exception>
    public void Crash()
    {
        var me = World.RunningThread(nameof(Crash));
        if (State == SimNodeState.Crashed)
            throw new InvalidOperationException($"Node '{Name}' is already crashed; restart it first (SimNode.Restart).");
        var dying = _incarnation;
        CancelResume();
        State = SimNodeState.Crashed;
        dying.Die(crashed: true);
        World.Record(SimEventKind.Node, Name, $"crashed (incarnation {dying.Number}): its memory and unrun work are gone");
        Disk.OnCrash();
        World.Execution.Kill(dying, me);
        if (me.Owner == dying)
            throw new ExecutionAbortedException();
    }

    /// <summary>
    /// Restarts a crashed or exited node: a new incarnation runs the entry point again from the start, with a fresh
    /// object graph, over what survived on its disk.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node is running or paused (crash it first), or the caller is not code of this Loom execution.</exception>
    public void Restart()
    {
        World.RunningThread(nameof(Restart));
        if (IsUp)
            throw new InvalidOperationException($"Node '{Name}' is {State.ToString().ToLowerInvariant()}; only a crashed or exited node restarts (crash it first with SimNode.Crash).");
        _incarnation = new NodeIncarnation(this, _incarnation.Number + 1);
        Random = SeedStreams.For(World.Seed, $"node {Name} {_incarnation.Number}");
        State = SimNodeState.Running;
        World.Record(SimEventKind.Node, Name, $"restarted (incarnation {_incarnation.Number}) over its disk");
        Start();
    }

    /// <summary>Pauses the node for <paramref name="duration"/>: none of its work runs meanwhile, while time and the other nodes go on.</summary>
    /// <param name="duration">How long the pause lasts.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The node is not running, or the caller is not code of this Loom execution.</exception>
    public void Pause(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        World.RunningThread(nameof(Pause));
        if (State != SimNodeState.Running)
            throw new InvalidOperationException($"Node '{Name}' is {State.ToString().ToLowerInvariant()}; only a running node pauses.");
        State = SimNodeState.Paused;
        World.Record(SimEventKind.Node, Name, $"paused for {TimeDistribution.Format(duration)}");
        _resume = World.Clock.Schedule(duration, Resume, $"node {Name} resumes");
    }

    /// <summary>Ends a pause early (or on time): the node's waiting work may run again.</summary>
    /// <exception cref="InvalidOperationException">The node is not paused, or the caller is not code of this Loom execution.</exception>
    public void Resume()
    {
        World.RunningThread(nameof(Resume));
        if (State != SimNodeState.Paused)
            throw new InvalidOperationException($"Node '{Name}' is {State.ToString().ToLowerInvariant()}, not paused.");
        CancelResume();
        State = SimNodeState.Running;
        World.Record(SimEventKind.Node, Name, "resumed");
    }

    /// <summary>Queues the entry point of the current incarnation as the node's first piece of work.</summary>
    internal void Start()
    {
        var incarnation = _incarnation;
        World.Execution.QueueWork(() => RunEntryPoint(incarnation), WorkName.Of($"node {Name} starts"), "node starts", incarnation);
    }

    /// <summary>Shuts the node down at the end of the run, without a crash: its work stops, its disk is left as it is.</summary>
    internal void Shutdown(LogicalThread me)
    {
        if (!IsUp)
            return;
        CancelResume();
        State = SimNodeState.Exited;
        _incarnation.Die(crashed: false);
        World.Execution.Kill(_incarnation, me);
    }

    private void RunEntryPoint(NodeIncarnation incarnation)
    {
        HasRun = true;
        Task task;
        try
        {
            task = _entryPoint(this) ?? Task.CompletedTask;
        }
        catch (Exception ex) when (ex is not ExecutionAbortedException)
        {
            Failed(incarnation, ex);
            return;
        }
        incarnation.EntryTask = task;
        task.ContinueWith(
            t => EntryPointEnded(incarnation, t),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void EntryPointEnded(NodeIncarnation incarnation, Task task)
    {
        if (!incarnation.IsAlive || incarnation != _incarnation)
            return;
        if (task.Exception?.InnerException is { } ex && ex is not ExecutionAbortedException)
        {
            Failed(incarnation, ex);
            return;
        }
        if (LogicalThread.Current is not { } me || me.Execution != World.Execution)
            return;
        CancelResume();
        State = SimNodeState.Exited;
        incarnation.Die(crashed: false);
        World.Record(SimEventKind.Node, Name, $"exited: its entry point returned (incarnation {incarnation.Number})");
        World.Execution.Kill(incarnation, me);
    }

    private void Failed(NodeIncarnation incarnation, Exception ex) =>
        World.Execution.Fail(
            FailureKind.Exception,
            $"Node '{Name}' (incarnation {incarnation.Number}) failed: its entry point threw {ex.GetType().FullName}: {ex.Message}\n{StackTraceFolding.Fold(ex.StackTrace)}\n" +
            "An exception a node does not handle fails the run. If the node should survive it (an injected IO or network fault), handle it in the node's code.",
            LogicalThread.Current,
            ex);

    private void CancelResume()
    {
        _resume?.Dispose();
        _resume = null;
    }

    /// <inheritdoc />
    public override string ToString() => $"node '{Name}' ({State.ToString().ToLowerInvariant()}, incarnation {Incarnation})";
}
