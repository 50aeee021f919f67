using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Loom.Cases;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.MSTest;

/// <summary>
/// Runs a theory's case inside MSTest: every execution Loom explores runs the test as MSTest does (a fresh class
/// instance with the test's TestContext, [TestInitialize], the method, [TestCleanup], disposal): through MSTest's own
/// invocation for synchronous tests, through the same lifecycle run by Loom for asynchronous ones. The case ends in
/// one MSTest result with the failing interleaving and how to re-run it.
/// </summary>
internal static class MSTestCaseRunner
{
    public static TestResult[] Run(LoomTheoryAttribute attribute, ITestMethod testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var (method, testClass) = MSTestCaseSource.Resolve(testMethod.MethodInfo);
        if (testMethod.Arguments is [string text] && MSTestCaseSource.TryParse(text, out var loomCase))
            return [RunCase(attribute, testMethod, method, testClass, CurrentTestContext(testMethod), loomCase)];

        // Run without a row (a runner that folded the data): every case, one result each.
        return MSTestCaseSource.Rows(attribute, testMethod.MethodInfo)
            .Select(row => ((TestDataRow<string>)row[0]!).Value)
            .Select(caseText => RunCase(attribute, testMethod, method, testClass, CurrentTestContext(testMethod), LoomCase.Parse(caseText)))
            .ToArray();
    }

    private static TestResult RunCase(LoomTheoryAttribute attribute, ITestMethod testMethod, MethodInfo method, Type testClass, TestContext context, LoomCase loomCase)
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

        var output = new CaseOutput();
        var body = MSTestLifecycle.IsSynchronous(method, testClass)
            ? InvokedByMSTest(testMethod, output)
            // Not ITestMethod.InvokeAsync for async code: MSTest awaits inside it with ConfigureAwait(false), which
            // sends the test's continuations to the thread pool, outside the execution. The same lifecycle, run here.
            : MSTestLifecycle.Body(method, testClass, context);
        var outcome = CaseExecutor.Run(identity, settings, loomCase, body, RegressionFile.RecordingEnabled);

        var log = new StringBuilder(output.Text);
        foreach (var summary in outcome.Summaries.Distinct())
            log.Append("Loom: ").Append(summary).Append(Environment.NewLine);
        var caseResult = new TestResult { DisplayName = displayName, LogOutput = log.ToString(), TestContextMessages = output.ContextMessages };
        if (outcome.Passed)
        {
            caseResult.Outcome = UnitTestOutcome.Passed;
            return caseResult;
        }
        var message = FailureText.Compose(identity, settings, displayName, outcome, MSTestRerunCommands.For(identity));
        caseResult.Outcome = UnitTestOutcome.Failed;
        caseResult.TestFailureException = new LoomCaseFailedException(message, outcome.Thrown);
        return caseResult;
    }

    /// <summary>
    /// The body for a synchronous test: each execution is MSTest's own invocation of the test (a fresh instance,
    /// TestContext, [TestInitialize], the method, [TestCleanup], disposal), which completes without awaiting
    /// anything, so it stays on the execution's thread; what the test printed is collected from each invocation.
    /// </summary>
    private static CaseBody InvokedByMSTest(ITestMethod testMethod, CaseOutput output) => CaseBody.From(() =>
    {
        // No arguments: the row's value is the case, not an argument of the parameterless method.
        var invocation = testMethod.InvokeAsync([]);
        ExecutionWait.ForTask(invocation, "MSTest's invocation of the test");
        var result = invocation.GetAwaiter().GetResult();
        output.Add(result);
        if (result.Outcome is UnitTestOutcome.Failed or UnitTestOutcome.Error or UnitTestOutcome.Timeout or UnitTestOutcome.Aborted or UnitTestOutcome.Unknown)
            ExceptionDispatchInfo.Throw(Unwrap(result.TestFailureException) ?? new InvalidOperationException($"MSTest reported {result.Outcome} with no exception."));
    });

    /// <summary>The exception the test code threw, out of MSTest's wrapper (TestFailedException keeps it as its inner exception).</summary>
    private static Exception? Unwrap(Exception? exception) =>
        exception is { InnerException: { } inner } && exception.GetType().Name == "TestFailedException" ? inner : exception;

    /// <summary>What the executions of a case printed, up to a bound.</summary>
    private sealed class CaseOutput
    {
        private const int MaxChars = 100_000;
        private readonly StringBuilder _log = new();
        private readonly StringBuilder _context = new();

        public string Text => _log.ToString();

        public string? ContextMessages => _context.Length == 0 ? null : _context.ToString();

        public void Add(TestResult result)
        {
            Append(_log, result.LogOutput);
            Append(_context, result.TestContextMessages);
        }

        private static void Append(StringBuilder to, string? text)
        {
            if (string.IsNullOrEmpty(text) || to.Length >= MaxChars)
                return;
            to.Append(text);
            if (to.Length >= MaxChars)
                to.Length = MaxChars;
        }
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
