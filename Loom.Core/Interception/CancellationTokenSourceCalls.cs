using System.ComponentModel;
using System.Threading;

namespace Loom.Interception;

/// <summary>
/// <see cref="CancellationTokenSource"/> has no stand-ins yet. Cancelling runs the registered callbacks on the
/// cancelling thread, which inside an execution is a logical thread, so most members pass through. The members
/// that cancel later (on a real timer) or elsewhere (on the real thread pool) are not intercepted yet.
/// </summary>
[PassesThrough("*", "cancellation state, and callbacks that run on the thread that cancels: no timer and no thread of its own")]
[PassesThrough("New(System.TimeSpan,System.TimeProvider)", "the timer is the given provider's: TimeProvider.System is the execution's clock inside one (TimeProviderCalls)")]
[NotInterceptedYet("New(System.Int32)", TimedCancellation)]
[NotInterceptedYet("New(System.TimeSpan)", TimedCancellation)]
[NotInterceptedYet("CancelAfter", TimedCancellation)]
[NotInterceptedYet("CancelAsync", "the callbacks run on the real thread pool: inside an execution they are reported as uncontrolled concurrency when they touch Loom")]
[Intercepts(typeof(CancellationTokenSource))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationTokenSourceCalls
{
    private const string TimedCancellation = "cancels on a real timer, in real time, on the real thread pool: inside an execution the delay is not virtual time, and the callbacks are reported as uncontrolled concurrency when they touch Loom";
}
