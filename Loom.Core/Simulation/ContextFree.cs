using System;
using System.Threading;

namespace Loom.Simulation;

/// <summary>
/// Runs code that completes tasks (a timer firing, a simulated message arriving) with no synchronization context.
/// The runtime runs a continuation that captured no context (an <c>await</c> with <c>ConfigureAwait(false)</c>, as in
/// library code and in the BCL's stream helpers) inline only where no context is set, and otherwise sends it to the
/// real thread pool, out of Loom's control. Here it runs inline, as part of the completing step. Continuations that
/// captured Loom's context are still posted back to it as steps of their own.
/// </summary>
internal static class ContextFree
{
    public static void Run(Action action)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }
}
