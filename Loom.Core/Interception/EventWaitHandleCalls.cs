using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.EventWaitHandle"/> (and so for the Set and Reset that
/// <see cref="ManualResetEvent"/> and <see cref="AutoResetEvent"/> inherit), on the real events: inside a Loom
/// execution Set and Reset are scheduling points on the event's model (<see cref="EventModel"/>). Waits are
/// <see cref="WaitHandle"/>'s members: see <see cref="WaitHandleCalls"/>. The constructor records the reset mode,
/// which the real type does not expose. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New(System.Boolean,System.Threading.EventResetMode,System.String)", "named events are shared across processes, outside any model; a wait on one inside an execution waits on a model probed from it")]
[PassesThrough("New(System.Boolean,System.Threading.EventResetMode,System.String,System.Boolean&)", Named)]
[PassesThrough("New(System.Boolean,System.Threading.EventResetMode,System.String,System.Threading.NamedWaitHandleOptions)", Named)]
[PassesThrough("New(System.Boolean,System.Threading.EventResetMode,System.String,System.Threading.NamedWaitHandleOptions,System.Boolean&)", Named)]
[PassesThrough("OpenExisting", Named)]
[PassesThrough("TryOpenExisting", Named)]
[Intercepts(typeof(EventWaitHandle))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventWaitHandleCalls
{
    private const string Named = "named events are shared across processes, outside any model";

    /// <summary>Stands in for <see cref="EventWaitHandle(bool, EventResetMode)"/>, recording the reset mode for the model.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    /// <param name="mode">Whether a successful wait resets the event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new event.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="mode"/> is not a defined <see cref="EventResetMode"/>.</exception>
    public static EventWaitHandle New(bool initialState, EventResetMode mode, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var handle = new EventWaitHandle(initialState, mode);
        EventModel.RecordMode(handle, mode);
        return handle;
    }

    /// <summary>Stands in for <see cref="EventWaitHandle.Set"/>: sets the event, releasing one waiter (auto reset) or every waiter (manual reset).</summary>
    /// <param name="handle">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Set(EventWaitHandle handle, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("EventWaitHandle.Set", file, line) is not { } me)
            return handle.Set();
        EventModel.Set(me, EventModel.HandleState(me, StandIn.NotNull(handle)), $"{handle.GetType().Name}.Set", handle, throwIfDisposed: true, file, line);
        return true;
    }

    /// <summary>Stands in for <see cref="EventWaitHandle.Reset"/>: clears the event.</summary>
    /// <param name="handle">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Reset(EventWaitHandle handle, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("EventWaitHandle.Reset", file, line) is not { } me)
            return handle.Reset();
        EventModel.Reset(me, EventModel.HandleState(me, StandIn.NotNull(handle)), $"{handle.GetType().Name}.Reset", handle, file, line);
        return true;
    }
}
