using System;
using System.Threading.Tasks;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>Runs the test of a <see cref="LoomXunitTestCase"/> with <see cref="LoomTestRunner"/> instead of xUnit 3.x's own test runner.</summary>
internal sealed class LoomTestCaseRunner : XunitTestCaseRunner
{
    private LoomTestCaseRunner()
    {
    }

    /// <summary>The runner; it holds no state.</summary>
    public static new LoomTestCaseRunner Instance { get; } = new();

    /// <inheritdoc />
    protected override ValueTask<RunSummary> RunTest(XunitTestCaseRunnerContext ctxt, IXunitTest test)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        return LoomTestRunner.Instance.Run(
            test,
            ctxt.MessageBus,
            ctxt.ConstructorArguments,
            ctxt.ExplicitOption,
            ctxt.Aggregator.Clone(),
            ctxt.CancellationTokenSource,
            ctxt.BeforeAfterTestAttributes);
    }
}
