using System.Threading;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.AutoResetEvent"/>: an event that releases one waiter per Set and then
/// resets itself. A Set on an event that is already set is lost, so inside a Loom execution Set and WaitOne do not
/// commute and Loom explores both orders.
/// </summary>
public sealed class AutoResetEvent : EventWaitHandle
{
    /// <summary>Mirrors <see cref="System.Threading.AutoResetEvent(bool)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    public AutoResetEvent(bool initialState)
        : base(initialState, EventResetMode.AutoReset)
    {
    }
}
