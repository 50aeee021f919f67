using System;
using System.Linq;
using Loom.Cases;
using Xunit;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>
/// Runs one Loom case inside xUnit's test pipeline. xUnit would build one test class instance for the whole
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
        var testCase = (LoomXunitTestCase)ctxt.Test.TestCase;
        var method = ctxt.TestMethod;
        var body = ExecutionBody.Create(
            method,
            async () => method.IsStatic ? null : (await CreateTestClassInstance(ctxt).ConfigureAwait(true)).Instance,
            instance => DisposeTestClassInstance(ctxt, instance));

        var outcome = CaseExecutor.Run(testCase.Identity, testCase.Settings, testCase.Case, body, RegressionFile.RecordingEnabled);

        var output = TestContext.Current.TestOutputHelper;
        foreach (var summary in outcome.Summaries.Distinct())
            output?.WriteLine("Loom: " + summary);

        if (outcome.Passed)
            return null;
        var message = FailureText.Compose(testCase.Identity, testCase.Settings, testCase.TestCaseDisplayName, outcome, XunitRerunCommands.For(testCase));
        throw new LoomCaseFailedException(message, outcome.Failures.Count > 0 ? outcome.Failures[0].Failure.Exception : null);
    }
}
