using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Loom.Cases;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.MSTest;

/// <summary>
/// Runs a theory's case inside MSTest: every execution Loom explores runs the test as MSTest would (a fresh class
/// instance with the test's TestContext, [TestInitialize], the method, [TestCleanup], disposal), and the case ends
/// in one MSTest result with the failing interleaving and how to re-run it.
/// </summary>
internal static class MSTestCaseRunner
{
    public static TestResult[] Run(LoomTheoryAttribute attribute, ITestMethod testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var (method, testClass) = MSTestCaseSource.Resolve(testMethod.MethodInfo);
        if (testMethod.Arguments is [string text] && MSTestCaseSource.TryParse(text, out var loomCase))
            return [RunCase(attribute, method, testClass, CurrentTestContext(testMethod), loomCase)];

        // Run without a row (a runner that folded the data): every case, one result each.
        return MSTestCaseSource.Rows(attribute, testMethod.MethodInfo)
            .Select(row => ((TestDataRow<string>)row[0]!).Value)
            .Select(caseText => RunCase(attribute, method, testClass, CurrentTestContext(testMethod), LoomCase.Parse(caseText)))
            .ToArray();
    }

    private static TestResult RunCase(LoomTheoryAttribute attribute, MethodInfo method, Type testClass, TestContext context, LoomCase loomCase)
    {
        var methodName = method.Name;
        var identity = attribute.Identity(testClass, methodName);
        var settings = attribute.ToSettings();
        var displayName = loomCase.DisplayName(attribute.DisplayName ?? methodName);
        if (loomCase.Kind == LoomCaseKind.Invalid)
        {
            return new TestResult
            {
                DisplayName = displayName,
                Outcome = UnitTestOutcome.Failed,
                TestFailureException = new LoomCaseFailedException(loomCase.Problem ?? "Invalid Loom theory."),
            };
        }

        // Not ITestMethod.InvokeAsync: MSTest awaits inside it with ConfigureAwait(false), which sends an async
        // test's continuations to the thread pool, outside the execution. The body runs the same lifecycle itself.
        var body = MSTestLifecycle.Body(method, testClass, context);
        var outcome = CaseExecutor.Run(identity, settings, loomCase, body, RegressionFile.RecordingEnabled);

        var log = new StringBuilder();
        foreach (var summary in outcome.Summaries.Distinct())
            log.Append("Loom: ").Append(summary).Append(Environment.NewLine);
        var caseResult = new TestResult { DisplayName = displayName, LogOutput = log.ToString() };
        if (outcome.Passed)
        {
            caseResult.Outcome = UnitTestOutcome.Passed;
            return caseResult;
        }
        var message = FailureText.Compose(identity, settings, displayName, outcome, MSTestRerunCommands.For(identity));
        caseResult.Outcome = UnitTestOutcome.Failed;
        caseResult.TestFailureException = new LoomCaseFailedException(message, outcome.Failures.Count > 0 ? outcome.Failures[0].Failure.Exception : null);
        return caseResult;
    }

    /// <summary>
    /// The running test's TestContext, to hand to the test class as MSTest would: MSTest 4 publishes it as
    /// <c>TestContext.Current</c> (marked experimental), and its test method object holds it too.
    /// </summary>
    private static TestContext CurrentTestContext(ITestMethod testMethod)
    {
        try
        {
            if (Published() is { } published)
                return published;
        }
        catch (MissingMemberException)
        {
            // An MSTest without TestContext.Current: ask the test method below.
        }
        return testMethod.GetType().GetProperty("TestContext", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(testMethod) as TestContext
            ?? new DiscoveryTestContext();
    }

#pragma warning disable MSTESTEXP // TestContext.Current is experimental: guarded above, with a fallback.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TestContext? Published() => TestContext.Current;
#pragma warning restore MSTESTEXP
}
