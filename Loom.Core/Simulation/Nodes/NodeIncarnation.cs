using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// One life of a node, from a start or restart to its crash or exit. Its work (continuations, tasks, timer
/// callbacks) belongs to it: when it dies, the scheduler drops the work that has not run. The sockets, listeners,
/// connections and file handles it opened die with it.
/// </summary>
internal sealed class NodeIncarnation : IWorkOwner
{
    private readonly List<IIncarnationResource> _resources = new();

    public NodeIncarnation(SimNode node, int number)
    {
        Node = node;
        Number = number;
    }

    public SimNode Node { get; }

    /// <summary>1 for the first start, then one more for each restart.</summary>
    public int Number { get; }

    /// <summary>The task of its entry point, once started.</summary>
    public Task? EntryTask { get; set; }

    /// <inheritdoc />
    public string Name => $"node '{Node.Name}'";

    /// <inheritdoc />
    public bool IsAlive { get; private set; } = true;

    /// <inheritdoc />
    public bool IsPaused => IsAlive && Node.State == SimNodeState.Paused;

    /// <summary>Registers something that must close when the incarnation dies.</summary>
    public void Own(IIncarnationResource resource)
    {
        if (!IsAlive)
            throw new InvalidOperationException($"{Name} is down (incarnation {Number} is over).");
        _resources.Add(resource);
    }

    public void Disown(IIncarnationResource resource) => _resources.Remove(resource);

    /// <summary>Ends the incarnation: every resource it owned closes as a crash or an exit leaves it.</summary>
    public void Die(bool crashed)
    {
        IsAlive = false;
        foreach (var resource in _resources.ToArray())
            resource.OnOwnerDied(crashed);
        _resources.Clear();
    }
}
