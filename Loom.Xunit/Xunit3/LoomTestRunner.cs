using System;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>
/// Runs one Loom case inside xUnit 3.x's test pipeline. xUnit would build one test class instance for the whole
/// test; Loom needs a fresh one per execution, so this runner tells xUnit not to build it and builds (and
/// disposes) it inside every execution, with the same constructor arguments (fixtures, output helper) xUnit
/// would have passed.
/// </summary>
internal sealed class LoomTestRunner : XunitTestRunner
{
    private LoomTestRunner()
    {
    }

    /// <summary>The runner; it holds no state.</summary>
    public static new LoomTestRunner Instance { get; } = new();

    /// <inheritdoc />
    protected override bool IsTestClassCreatable(XunitTestRunnerContext ctxt) => false;

    /// <inheritdoc />
    protected override object? InvokeTestMethod(XunitTestRunnerContext ctxt, object? testClassInstance)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        var method = ctxt.TestMethod;
        LoomCaseInvocation.Run(
            (LoomXunitTestCase)ctxt.Test.TestCase,
            method,
            async () => method.IsStatic ? null : (await CreateTestClassInstance(ctxt).ConfigureAwait(true)).Instance,
            instance => DisposeTestClassInstance(ctxt, instance));
        return null;
    }
}
