using System.Threading;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.ManualResetEvent"/>: an event that stays set, releasing every waiter, until
/// it is reset. Inside a Loom execution a wait only observes the event, so concurrent waits commute.
/// </summary>
public sealed class ManualResetEvent : EventWaitHandle
{
    /// <summary>Mirrors <see cref="System.Threading.ManualResetEvent(bool)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    public ManualResetEvent(bool initialState)
        : base(initialState, EventResetMode.ManualReset)
    {
    }
}
