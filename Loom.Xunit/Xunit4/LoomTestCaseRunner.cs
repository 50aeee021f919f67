using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>
/// Runs the test of a <see cref="LoomXunitTestCase"/> in xUnit 4.x's pipeline. There a case runner hands each test
/// to its context's <c>RunTest</c>, so this runner builds a <see cref="LoomTestCaseRunnerContext"/>, whose tests go
/// to <see cref="LoomTestRunner"/> instead of xUnit's own test runner.
/// </summary>
internal sealed class LoomTestCaseRunner : XunitTestCaseRunnerBase<LoomTestCaseRunnerContext, IXunitTestCase, IXunitTest>
{
    private LoomTestCaseRunner()
    {
    }

    /// <summary>The runner; it holds no state.</summary>
    public static LoomTestCaseRunner Instance { get; } = new();

    /// <summary>Runs the case's tests, as <see cref="XunitTestCaseRunner"/> would with its own context.</summary>
    public async ValueTask<RunSummary> Run(
        IXunitTestCase testCase,
        IReadOnlyCollection<IXunitTest> tests,
        IMessageBus messageBus,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        string displayName,
        string? skipReason,
        ExplicitOption explicitOption,
        object?[] constructorArguments,
        FixtureMappingManager methodFixtureMappings)
    {
        await using var ctxt = new LoomTestCaseRunnerContext(
            testCase, tests, explicitOption, messageBus, aggregator, displayName, skipReason, cancellationTokenSource,
            parallelMode, scheduler, constructorArguments, methodFixtureMappings);
        await ctxt.InitializeAsync();
        return await Run(ctxt);
    }
}
