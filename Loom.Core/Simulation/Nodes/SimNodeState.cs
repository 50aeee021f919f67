namespace Loom.Simulation;

/// <summary>Where a simulated node is in its life.</summary>
public enum SimNodeState
{
    /// <summary>Its entry point is running (its work runs when the scheduler picks it).</summary>
    Running,

    /// <summary>Paused: none of its work runs until it resumes, while time goes on.</summary>
    Paused,

    /// <summary>Crashed: its memory and its work are gone, its disk holds what had reached it; <see cref="SimNode.Restart"/> brings it back.</summary>
    Crashed,

    /// <summary>Its entry point returned: the process exited, its remaining work is gone, its written data stays.</summary>
    Exited,
}
