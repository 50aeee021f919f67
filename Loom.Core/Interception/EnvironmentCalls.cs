using System;
using System.ComponentModel;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for the thread-identity member of <see cref="Environment"/>. Inside a Loom execution logical threads
/// share pooled OS threads, so the real id is neither stable across executions nor distinct between logical threads
/// that ran on the same worker: the stand-in returns the logical thread's own id instead.
/// </summary>
[Intercepts(typeof(Environment))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnvironmentCalls
{
    /// <summary>
    /// Stands in for <see cref="Environment.CurrentManagedThreadId"/>: inside an execution the calling logical
    /// thread's number plus one (what <c>Thread.ManagedThreadId</c> returns for it), the same in every execution.
    /// </summary>
    public static int CurrentManagedThreadId =>
        LoomRuntime.Controlled("Environment.CurrentManagedThreadId", null, 0) is { } me
            ? ThreadModel.ManagedThreadId(me)
            : Environment.CurrentManagedThreadId;
}
