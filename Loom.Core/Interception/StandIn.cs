using System;
using Loom.Runtime;
using Loom.Threading;

namespace Loom.Interception;

/// <summary>What every stand-in does the same way: checks the instance it was given, and fails loudly on an escape.</summary>
internal static class StandIn
{
    /// <summary>
    /// Throws what the real instance call would: calling a member on <see langword="null"/> throws
    /// <see cref="NullReferenceException"/>. Outside an execution the real call throws it by itself.
    /// </summary>
    /// <exception cref="NullReferenceException"><paramref name="instance"/> is <see langword="null"/>.</exception>
    public static T NotNull<T>(T? instance)
        where T : class =>
        instance ?? throw new NullReferenceException("Object reference not set to an instance of an object.");

    /// <summary>
    /// Fails the execution because rewritten code reached something Loom cannot control (an unmodelled primitive, a
    /// thread built by code that was not rewritten), and unwinds the calling logical thread. Never returns.
    /// </summary>
    /// <exception cref="ExecutionAbortedException">Always: it unwinds the calling thread.</exception>
    public static Exception Uncontrolled(LogicalThread me, string what, string? file, int line)
    {
        me.Execution.Fail(FailureKind.UncontrolledConcurrency, $"{what} (at {Blocking.Where(file, line)}).", me);
        throw new ExecutionAbortedException();
    }
}
