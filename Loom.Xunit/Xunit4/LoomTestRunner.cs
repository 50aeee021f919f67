using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>
/// Runs one Loom case inside xUnit 4.x's test pipeline. xUnit would build one test class instance for the whole
/// test; Loom needs a fresh one per execution, so this runner tells xUnit not to build it and, in place of xUnit's
/// one invocation of the method, builds (and disposes) it inside every execution, with the same constructor
/// arguments (fixtures, output helper) xUnit would have passed.
/// </summary>
internal sealed class LoomTestRunner : XunitTestRunnerBase<XunitTestRunnerContext, IXunitTest>
{
    private LoomTestRunner()
    {
    }

    /// <summary>The runner; it holds no state.</summary>
    public static LoomTestRunner Instance { get; } = new();

    /// <summary>Runs the test, as <see cref="XunitTestRunner"/> would with xUnit's own context.</summary>
    public async ValueTask<RunSummary> Run(
        IXunitTest test,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExplicitOption explicitOption,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        IReadOnlyCollection<IBeforeAfterTestAttribute> beforeAfterAttributes,
        FixtureMappingManager caseFixtureMappings)
    {
        await using var ctxt = new XunitTestRunnerContext(
            test, explicitOption, messageBus, aggregator, cancellationTokenSource, parallelMode, scheduler,
            beforeAfterAttributes, constructorArguments, caseFixtureMappings);
        await ctxt.InitializeAsync();
        return await Run(ctxt);
    }

    /// <inheritdoc />
    protected override bool IsTestClassCreatable(XunitTestRunnerContext ctxt) => false;

    /// <inheritdoc />
    protected override ValueTask<TimeSpan> InvokeTest(XunitTestRunnerContext ctxt, object? testClassInstance)
    {
        ArgumentNullException.ThrowIfNull(ctxt);
        var method = ctxt.Method;
        return ExecutionTimer.MeasureAsync(() => ctxt.Aggregator.RunAsync(() =>
        {
            LoomCaseInvocation.Run(
                (LoomXunitTestCase)ctxt.Test.TestCase,
                method,
                async () => method.IsStatic ? null : (await CreateTestClassInstance(ctxt).ConfigureAwait(true)).Instance,
                instance => DisposeTestClassInstance(ctxt, instance));
            return ValueTask.CompletedTask;
        }));
    }
}
