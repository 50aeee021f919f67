namespace Loom.Runtime;

/// <summary>The life cycle of a logical thread within one execution.</summary>
internal enum ThreadStatus
{
    /// <summary>Started by the model but not yet run: it has no OS thread yet.</summary>
    NotStarted,

    /// <summary>Running or parked at a scheduling point on its OS thread.</summary>
    Running,

    /// <summary>Its body returned, threw, or was unwound.</summary>
    Finished,
}
