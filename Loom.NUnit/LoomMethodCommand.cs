using System;
using System.Threading;
using Loom.Cases;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Loom.NUnit;

/// <summary>
/// Runs the test method itself, once per Loom execution, in place of NUnit's own method command: an async method's
/// task is awaited at a Loom scheduling point (NUnit would block the thread for real, and the method's continuations
/// are steps of the same execution), and the exception the method threw is kept as it was, for Loom's report,
/// before NUnit's set-up/tear-down command turns it into a result.
/// </summary>
internal sealed class LoomMethodCommand : TestCommand
{
    // Everything one execution runs (set-up, this command, tear-down) runs synchronously on logical thread 0.
    [ThreadStatic]
    private static Exception? t_thrown;

    public LoomMethodCommand(TestCommand inner)
        : base(inner.Test)
    {
    }

    /// <summary>The exception the test method threw in the current execution on this thread, if any.</summary>
    public static Exception? Thrown
    {
        get => t_thrown;
        set => t_thrown = value;
    }

    /// <inheritdoc />
    public override TestResult Execute(TestExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = ((TestMethod)Test).Method.MethodInfo;
        try
        {
            var task = TheoryMethod.Invoke(method, method.IsStatic ? null : context.TestObject);
            ExecutionWait.ForTask(task, "the test method's task");
            task.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            t_thrown = e;
            throw;
        }
        context.CurrentResult.SetResult(ResultState.Success);
        if (context.CurrentResult.AssertionResults.Count > 0)
            context.CurrentResult.RecordTestCompletion();
        return context.CurrentResult;
    }
}
