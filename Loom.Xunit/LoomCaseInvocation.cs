using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit;

/// <summary>
/// What replaces xUnit's one call of the test method for a <see cref="LoomXunitTestCase"/>: Loom runs the case's
/// executions, each on a fresh test class instance built and disposed the way xUnit would, and a failing case
/// throws with the interleaving. Shared by the runners of every supported xUnit major version.
/// </summary>
internal static class LoomCaseInvocation
{
    /// <summary>Runs the case; returns normally when every execution passed.</summary>
    /// <param name="testCase">The case to run.</param>
    /// <param name="method">The test method.</param>
    /// <param name="createInstance">Builds a test class instance with xUnit's constructor arguments.</param>
    /// <param name="disposeInstance">Disposes an instance the way xUnit would.</param>
    public static void Run(LoomXunitTestCase testCase, MethodInfo method, Func<ValueTask<object?>> createInstance, Func<object, ValueTask> disposeInstance)
    {
        var body = ExecutionBody.Create(method, createInstance, disposeInstance);
        var outcome = CaseExecutor.Run(testCase.Identity, testCase.Settings, testCase.Case, body, RegressionFile.RecordingEnabled);

        var output = TestContext.Current.TestOutputHelper;
        foreach (var summary in outcome.Summaries.Distinct())
            output?.WriteLine("Loom: " + summary);

        if (outcome.Passed)
            return;
        var message = FailureText.Compose(testCase.Identity, testCase.Settings, testCase.TestCaseDisplayName, outcome, XunitRerunCommands.For(testCase));
        throw new LoomCaseFailedException(message, outcome.Thrown);
    }
}
