namespace Loom.Runtime;

/// <summary>
/// How an operation touches its target, which decides what it depends on for partial-order reduction and
/// what happens-before edges it creates.
/// </summary>
internal enum AccessKind : byte
{
    /// <summary>Touches nothing shared (thread start, yield): independent of every other operation.</summary>
    None,

    /// <summary>Observes the target without changing it.</summary>
    Read,

    /// <summary>Changes the target (a store or a read-modify-write).</summary>
    Write,

    /// <summary>
    /// Takes ownership or a unit of the target (lock enter, semaphore wait). Conflicts with other acquires and
    /// with reads; commutes with releases, with which it is never co-enabled in a conflicting way.
    /// </summary>
    Acquire,

    /// <summary>Gives ownership or a unit back (lock exit, semaphore release). Commutes with other releases and acquires.</summary>
    Release,
}
