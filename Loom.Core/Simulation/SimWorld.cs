using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// A simulated world for one Loom execution: named nodes with their own clocks and disks, a network between them,
/// and a fault injector that partitions, clogs, crashes, pauses and skews them as <see cref="SimulationOptions"/>
/// says. Every decision is drawn from the execution's seed, so one seed reproduces the whole run, and every fault is
/// recorded in <see cref="Events"/> and in the failure report, so a failure reads as a story.
/// <para>
/// Create it inside the body of <see cref="LoomModel.Explore(Func{Task}, LoomOptions?)"/> (or a <c>[LoomTheory]</c>)
/// with <c>await using</c>, so that its nodes stop when the body returns. Run with the random or PCT strategy over
/// many seeds.
/// </para>
/// </summary>
public sealed class SimWorld : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<Execution, SimWorld> s_worlds = new();

    private readonly List<SimNode> _nodes = new();
    private readonly List<SimEvent> _events = new();
    private readonly FaultInjector _faults;
    private bool _shutDown;

    /// <summary>Creates the world of the current Loom execution.</summary>
    /// <param name="options">The faults to inject; <see langword="null"/> for <see cref="SimulationOptions.NoFaults"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="InvalidOperationException">The caller is not inside a Loom execution, or the execution already has a world.</exception>
    public SimWorld(SimulationOptions? options = null)
    {
        options ??= SimulationOptions.NoFaults;
        options.Validate();
        if (LoomRuntime.Controlled("SimWorld", null, 0) is not { } me)
        {
            throw new InvalidOperationException(
                "A SimWorld lives inside one Loom execution: create it in the body passed to LoomModel.Explore (or a [LoomTheory] test), " +
                "so that its time, randomness and faults are under Loom's control.");
        }
        Execution = me.Execution;
        if (!s_worlds.TryAdd(Execution, this))
            throw new InvalidOperationException("This Loom execution already has a SimWorld; create one world per execution and add every node to it.");
        Options = options;
        Clock = Execution.Clock;
        Network = new SimNetwork(this);
        _faults = new FaultInjector(this);
        _faults.Start();
    }

    /// <summary>The world of the running execution, if it created one.</summary>
    public static SimWorld? Current =>
        LogicalThread.Current is { } thread && s_worlds.TryGetValue(thread.Execution, out var world) ? world : null;

    /// <summary>The options the world was created with.</summary>
    public SimulationOptions Options { get; }

    /// <summary>True simulated time (every node's clock departs from it as its faults say).</summary>
    public SimClock Clock { get; }

    /// <summary>The network: per-link faults, partitions, clogs.</summary>
    public SimNetwork Network { get; }

    /// <summary>The nodes, in the order they were added.</summary>
    public IReadOnlyList<SimNode> Nodes => _nodes;

    /// <summary>Everything that happened to the world so far (its fault plan as it unfolded), in order.</summary>
    public IReadOnlyList<SimEvent> Events => _events;

    /// <summary>The seed the world's randomness comes from (the execution's).</summary>
    public long Seed => Execution.Seed;

    internal Execution Execution { get; }

    internal FaultInjector Faults => _faults;

    /// <summary>Whether the world has been disposed: nothing in it runs any more.</summary>
    internal bool IsShutDown => _shutDown;

    /// <summary>
    /// Adds a node and starts it: its entry point runs as the node's first piece of work, when the scheduler picks it.
    /// The entry point runs again on every restart, so it should build the node's objects afresh, for example
    /// <c>node =&gt; new Replica(node).RunAsync()</c>.
    /// </summary>
    /// <param name="name">A name unique in the world, used in reports and to address the node.</param>
    /// <param name="entryPoint">The node's program.</param>
    /// <param name="options">Overrides of what the world would draw for this node (clock skew and drift, disk faults).</param>
    /// <returns>The node.</returns>
    /// <exception cref="ArgumentException">The name is empty, has white space, or is taken; or an option is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entryPoint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The world was disposed.</exception>
    public SimNode AddNode(string name, Func<SimNode, Task> entryPoint, SimNodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        ObjectDisposedException.ThrowIf(_shutDown, this);
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
            throw new ArgumentException($"A node name must be non-empty and without white space; got '{name}'.", nameof(name));
        if (_nodes.Any(n => n.Name == name))
            throw new ArgumentException($"The world already has a node named '{name}'.", nameof(name));
        options?.Validate();
        RunningThread(nameof(AddNode));
        var clocks = Options.Clocks;
        var random = SeedStreams.For(Seed, $"clock {name}");
        var skew = options?.ClockSkew ?? TimeSpan.FromTicks((long)((random.NextDouble() * 2 - 1) * clocks.MaxSkew.Ticks));
        var drift = options?.ClockDrift ?? (random.NextDouble() * 2 - 1) * clocks.MaxDrift;
        var node = new SimNode(this, name, entryPoint, new SimNodeClock(Clock, skew, drift), options?.Disk ?? Options.Disk);
        _nodes.Add(node);
        _faults.LinkRatesChanged();
        Record(SimEventKind.Node, name, skew == TimeSpan.Zero && drift == 0
            ? "started"
            : $"started; its clock is {Signed(skew)} off and runs {drift * 1e6:+0;-0;0} ppm");
        node.Start();
        return node;
    }

    /// <summary>The node named <paramref name="name"/>.</summary>
    /// <param name="name">The node's name.</param>
    /// <returns>The node.</returns>
    /// <exception cref="ArgumentException">No node has that name (the message lists the names).</exception>
    public SimNode Node(string name) => FindNode(name) ?? throw UnknownNode(name, nameof(name));

    /// <summary>Adds a line of the model's own to the world's events and the failure report (for example "client wrote x=1").</summary>
    /// <param name="subject">What it is about.</param>
    /// <param name="text">What happened.</param>
    public void Note(string subject, string text) => Record(SimEventKind.Model, subject, text);

    /// <summary>The world's events as text, one per line, as the failure report shows them.</summary>
    /// <returns>The text.</returns>
    public string DescribeEvents()
    {
        var text = new StringBuilder();
        foreach (var e in _events)
            text.Append(e).Append('\n');
        return text.ToString();
    }

    /// <summary>Stops injecting new random faults (partitions and clogs in progress still heal, crashed nodes still restart).</summary>
    public void StopFaults() => _faults.Stop();

    /// <summary>
    /// Ends the world: no more faults, and every node stops (its remaining work is dropped, its disk left as it is),
    /// so the execution's body can return without leaving work behind. A node still up that never got to run fails
    /// the execution (<see cref="FailureKind.NothingControlled"/>): the body ended before simulated time let it start,
    /// so the run tested nothing of it.
    /// </summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        if (_shutDown || LogicalThread.Current is not { } me || me.Execution != Execution || Execution.Aborting)
            return ValueTask.CompletedTask;
        _shutDown = true;
        _faults.Stop();
        var idle = _nodes.Where(n => !n.HasRun && n.IsUp).Select(n => $"'{n.Name}'").ToList();
        foreach (var node in _nodes)
            node.Shutdown(me);
        if (idle.Count > 0)
        {
            Execution.Fail(
                FailureKind.NothingControlled,
                $"The SimWorld was disposed before node{(idle.Count == 1 ? "" : "s")} {string.Join(", ", idle)} ever ran, so the run tested nothing of " +
                $"{(idle.Count == 1 ? "it" : "them")}. Await something in the body before the world ends (a Task.Delay on world.Clock, or a task the nodes complete) " +
                "so that the nodes get their turns and simulated time passes.",
                me);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The logical thread calling a world operation, which must belong to this world's execution.</summary>
    internal LogicalThread RunningThread(string api)
    {
        if (LoomRuntime.Controlled(api, null, 0) is { } me && me.Execution == Execution)
            return me;
        throw new InvalidOperationException($"{api} was called outside the Loom execution that owns this SimWorld; call it from the model's body or a node's code.");
    }

    internal SimNode? FindNode(string name)
    {
        foreach (var node in _nodes)
        {
            if (node.Name == name)
                return node;
        }
        return null;
    }

    internal ArgumentException UnknownNode(string name, string parameter) => new(
        _nodes.Count == 0
            ? $"No node named '{name}': the world has no nodes yet (SimWorld.AddNode)."
            : $"No node named '{name}'; the world's nodes are {string.Join(", ", _nodes.Select(n => $"'{n.Name}'"))}.",
        parameter);

    /// <summary>Records an event in the world's list and in the execution's trace.</summary>
    internal void Record(SimEventKind kind, string subject, string description)
    {
        var e = new SimEvent(Clock.Elapsed, kind, subject, description);
        _events.Add(e);
        Execution.Note($"{kind.ToString().ToLowerInvariant()}  {subject}: {description}");
    }

    private static string Signed(TimeSpan time) => (time < TimeSpan.Zero ? "-" : "+") + TimeDistribution.Format(time.Duration());
}
