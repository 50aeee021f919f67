using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>The context of <see cref="LoomTestCaseRunner"/> (xUnit 4.x): runs each test with <see cref="LoomTestRunner"/>.</summary>
internal sealed class LoomTestCaseRunnerContext(
    IXunitTestCase testCase,
    IReadOnlyCollection<IXunitTest> tests,
    ExplicitOption explicitOption,
    IMessageBus messageBus,
    ExceptionAggregator aggregator,
    string displayName,
    string? skipReason,
    CancellationTokenSource cancellationTokenSource,
    ParallelMode parallelMode,
    ExecutionScheduler scheduler,
    object?[] constructorArguments,
    FixtureMappingManager methodFixtureMappings)
    : XunitTestCaseRunnerBaseContext<IXunitTestCase, IXunitTest>(
        testCase, tests, explicitOption, messageBus, aggregator, displayName, skipReason, cancellationTokenSource,
        parallelMode, scheduler, constructorArguments, methodFixtureMappings)
{
    /// <inheritdoc />
    public override ValueTask<RunSummary> RunTest(IXunitTest test) =>
        LoomTestRunner.Instance.Run(
            test,
            MessageBus,
            ConstructorArguments,
            ExplicitOption,
            Aggregator.Clone(),
            CancellationTokenSource,
            ParallelMode,
            Scheduler,
            BeforeAfterTestAttributes,
            CaseFixtureMappings);
}
