using System.ComponentModel;
using System.Threading;

namespace Loom.Interception;

/// <summary>
/// <see cref="ManualResetEvent"/> declares only its constructor, which passes through: its <c>Set</c>, <c>Reset</c>
/// and waits are <see cref="EventWaitHandle"/>'s and <see cref="WaitHandle"/>'s members, whose stand-ins are
/// <see cref="EventWaitHandleCalls"/> and <see cref="WaitHandleCalls"/>. The class is here to say so.
/// </summary>
[PassesThrough("New", PassThroughReasons.ResetModeOfTheType)]
[Intercepts(typeof(ManualResetEvent))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ManualResetEventCalls
{
}
