using System;

namespace Loom.Runtime;

/// <summary>Scheduling hints carried by an operation.</summary>
[Flags]
internal enum OperationFlags : byte
{
    /// <summary>No hint.</summary>
    None = 0,

    /// <summary>
    /// The thread is spinning or waiting for another thread to make progress (Thread.Yield, Sleep, SpinWait,
    /// a timed-out wait): after it, the thread does not run again until another thread has taken a step.
    /// </summary>
    Yield = 1,

    /// <summary>The operation runs even while the execution is being torn down (releases in finally blocks).</summary>
    RunsDuringAbort = 2,

    /// <summary>
    /// A load that may return older stores (plain or volatile, under the .NET memory model). A store that ran
    /// before it need not be reordered after it: the load can already return what it would have seen then.
    /// </summary>
    WeakLoad = 4,
}
