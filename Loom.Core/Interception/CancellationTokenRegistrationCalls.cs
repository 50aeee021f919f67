using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="CancellationTokenRegistration"/>'s members, a struct, so the instance stand-ins take it by
/// reference. Inside a Loom execution a registration made through the model (<see cref="CancellationCallbacks"/>) is
/// unregistered there, after a scheduling point on its source: <c>Dispose</c> waits, a controlled wait, while its
/// callback runs on another logical thread (so a callback that needs what the disposing thread holds is a deadlock
/// Loom reports) and returns at once on the thread running it; <c>DisposeAsync</c>'s task completes when that
/// callback has. A registration the model did not make (made outside the execution, or by code that was not
/// rewritten) is the real one. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("get_Token", PassThroughReasons.FixedAtConstruction)]
[PassesThrough("Equals", PassThroughReasons.ValueEquality)]
[PassesThrough("GetHashCode", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Equality", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Inequality", PassThroughReasons.ValueEquality)]
[Intercepts(typeof(CancellationTokenRegistration))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CancellationTokenRegistrationCalls
{
    private const string DisposeApi = "CancellationTokenRegistration.Dispose";
    private const string DisposeAsyncApi = "CancellationTokenRegistration.DisposeAsync";
    private const string UnregisterApi = "CancellationTokenRegistration.Unregister";

    /// <summary>Stands in for <see cref="CancellationTokenRegistration.Dispose"/>: inside an execution a controlled wait while the callback runs on another thread.</summary>
    public static void Dispose(ref CancellationTokenRegistration registration, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (Modelled(registration, DisposeApi, file, line) is { } found)
            CancellationCallbacks.Dispose(found.Me, found.Registration, DisposeApi, file, line);
        else
            registration.Dispose();
    }

    /// <summary>Stands in for <see cref="CancellationTokenRegistration.DisposeAsync"/>: inside an execution the task completes under Loom's control.</summary>
    /// <returns>A task that completes once the callback is unregistered or has finished.</returns>
    public static ValueTask DisposeAsync(ref CancellationTokenRegistration registration, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Modelled(registration, DisposeAsyncApi, file, line) is { } found
            ? CancellationCallbacks.DisposeAsync(found.Me, found.Registration, DisposeAsyncApi, file, line)
            : registration.DisposeAsync();

    /// <summary>Stands in for <see cref="CancellationTokenRegistration.Unregister"/>; inside an execution a scheduling point.</summary>
    /// <returns>Whether the callback was still to run; it now never will.</returns>
    public static bool Unregister(ref CancellationTokenRegistration registration, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Modelled(registration, UnregisterApi, file, line) is { } found
            ? CancellationCallbacks.Unregister(found.Me, found.Registration, UnregisterApi, file, line)
            : registration.Unregister();

    /// <summary>The calling logical thread and the model's registration, if the call is inside an execution and the model made it.</summary>
    private static (LogicalThread Me, CancellationRegistration Registration)? Modelled(in CancellationTokenRegistration registration, string api, string? file, int line)
    {
        if (CancellationModel.SourceOf(registration.Token) is not { } source || LoomRuntime.Controlled(api, file, line) is not { } me)
            return null;
        return CancellationModel.State(me, source).Find(registration) is { } found ? (me, found) : null;
    }
}
