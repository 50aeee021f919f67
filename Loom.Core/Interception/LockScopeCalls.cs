using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.Lock.Scope"/>, the ref struct that <c>lock (aLock)</c> disposes in its
/// <see langword="finally"/> block. Its only public member is <see cref="System.Threading.Lock.Scope.Dispose"/>.
/// </summary>
[Intercepts(typeof(System.Threading.Lock.Scope))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LockScopeCalls
{
    /// <summary>
    /// Stands in for <see cref="System.Threading.Lock.Scope.Dispose"/>: releases the lock once, however often it is
    /// called. Inside an execution it releases the lock's model (the scope came from <see cref="LockCalls.EnterScope"/>);
    /// outside, it is the real Dispose.
    /// </summary>
    /// <param name="scope">The scope, by reference, as the <c>lock</c> statement disposes its local.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="SynchronizationLockException">The calling thread does not hold the lock.</exception>
    public static void Dispose(ref System.Threading.Lock.Scope scope, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.Scope.Dispose", file, line) is { } me)
            LockCalls.DisposeScope(me, ref scope, file, line);
        else
            scope.Dispose();
    }
}
