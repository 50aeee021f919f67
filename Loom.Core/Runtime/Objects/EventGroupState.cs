using System.Collections.Generic;
using System.Linq;

namespace Loom.Runtime.Objects;

/// <summary>
/// The events one <c>WaitHandle.WaitAny</c> or <c>WaitAll</c> waits for, made for that call. The waiting thread
/// blocks on the group (an operation with no access, so it conflicts with nothing) until any or all of the events
/// are set, then polls each event again at a scheduling point of its own: those polls, not the group, are what
/// partial-order reduction orders against Set and Reset.
/// </summary>
internal sealed class EventGroupState : ModelObject
{
    private readonly IReadOnlyList<EventState> _events;
    private readonly bool _all;

    public EventGroupState(Execution execution, IReadOnlyList<EventState> events, bool all)
        : base(execution, all ? "WaitAll" : "WaitAny")
    {
        _events = events;
        _all = all;
    }

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) =>
        _all ? _events.All(e => e.IsSet || e.Disposed) : _events.Any(e => e.IsSet || e.Disposed);

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op) =>
        $"waiting for {(_all ? "all" : "any")} of {string.Join(", ", _events.Select(e => e.ToString()))} to be set; " +
        string.Join("; ", _events.Where(e => !e.IsSet).Select(e => e.ResetAt.Length == 0 ? $"nothing set {e}" : $"{e} was last reset at {e.ResetAt}"));
}
