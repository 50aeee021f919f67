using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Runtime;

namespace Loom.Interception;

/// <summary>
/// What rewritten code calls on entry to a method that can call itself, directly or through others of its
/// assembly (docs/rewriting.md, "Recursion"). A stack overflow ends the whole test process, taking every other test
/// with it, and nothing can catch it; so inside a Loom execution, a recursion that has nearly used up its thread's
/// stack is stopped with an exception, which fails the execution like any other. Outside one it is a check and a return.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StackGuard
{
    /// <summary>Stops the calling logical thread if its stack is nearly used up.</summary>
    /// <param name="method">The method being entered, as <c>Type.Method</c>.</param>
    /// <exception cref="InsufficientExecutionStackException">Inside a Loom execution, the stack is nearly used up.</exception>
    public static void Enter(string method)
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack() || LogicalThread.Current is not { } me)
            return;
        throw new InsufficientExecutionStackException(
            $"Loom stopped {me.Label} on entry to {method}: the recursion through it has nearly used up the thread's stack, " +
            "and a stack overflow would end the whole test process. A recursion that never ends (a missing base case), or " +
            "one deeper than a thread's stack holds.");
    }
}
