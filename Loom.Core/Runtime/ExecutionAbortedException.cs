using System;

namespace Loom.Runtime;

/// <summary>
/// Unwinds a logical thread's stack when its execution is torn down (a failure elsewhere, a pruned or
/// restarted execution). User code should not catch it; if it does, the next Loom operation throws it again.
/// </summary>
internal sealed class ExecutionAbortedException : Exception
{
    public ExecutionAbortedException()
        : base("The Loom execution this thread belongs to was stopped; this exception unwinds the thread.")
    {
    }
}
