using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>How a Loom case runs in xUnit 4.x's pipeline: through <see cref="LoomTestCaseRunner"/>.</summary>
public sealed partial class LoomXunitTestCase
{
    /// <inheritdoc />
    public async ValueTask<RunSummary> Run(
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        FixtureMappingManager methodFixtureMappings)
    {
        ArgumentNullException.ThrowIfNull(messageBus);
        ArgumentNullException.ThrowIfNull(cancellationTokenSource);
        var tests = await aggregator.RunAsync(CreateTests, []);
        if (aggregator.ToException() is { } exception)
            return XunitRunnerHelper.FailTestCases(messageBus, cancellationTokenSource, [this], exception, sendTestCaseMessages: false);

        return await LoomTestCaseRunner.Instance.Run(
            this,
            tests,
            messageBus,
            aggregator,
            cancellationTokenSource,
            parallelMode,
            scheduler,
            TestCaseDisplayName,
            SkipReason,
            explicitOption,
            constructorArguments,
            methodFixtureMappings);
    }
}
