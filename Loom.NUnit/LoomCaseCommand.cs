using System;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using Loom.Cases;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace Loom.NUnit;

/// <summary>
/// Runs one Loom case: the wrapped command (a fresh fixture instance under InstancePerTestCase, [SetUp], the test
/// method, [TearDown], disposal) once per execution Loom explores, then one NUnit result for the case with the
/// failing interleaving and how to re-run it.
/// </summary>
internal sealed class LoomCaseCommand : DelegatingTestCommand
{
    /// <summary>The most test output kept from a case's executions; the rest is cut with a note.</summary>
    private const int MaxOutputChars = 100_000;

    private readonly LoomTheoryAttribute _attribute;

    public LoomCaseCommand(TestCommand innerCommand, LoomTheoryAttribute attribute)
        : base(innerCommand)
    {
        _attribute = attribute;
    }

    /// <inheritdoc />
    public override TestResult Execute(TestExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Test.Properties.Get(NUnitCaseBuilder.CaseProperty) is not string caseText)
            return innerCommand.Execute(context);

        var loomCase = LoomCase.Parse(caseText);
        var testMethod = (TestMethod)Test;
        var testClass = testMethod.Method.TypeInfo.Type;
        var identity = new MethodIdentity(testClass.FullName ?? testClass.Name, testMethod.Method.Name, _attribute.SourceFilePath);
        var settings = _attribute.ToSettings();

        var output = new StringBuilder();
        (ResultState State, string? Message)? notPassed = null;
        var body = CaseBody.From(() =>
        {
            context.CurrentResult = Test.MakeTestResult();
            LoomMethodCommand.Thrown = null;
            var result = innerCommand.Execute(context);
            context.CurrentResult = result;
            if (output.Length < MaxOutputChars)
                output.Append(result.Output);
            switch (result.ResultState.Status)
            {
                case TestStatus.Failed:
                    if (LoomMethodCommand.Thrown is { } thrown)
                        ExceptionDispatchInfo.Throw(thrown);
                    throw NUnitResultException.WithStackTrace($"{result.ResultState}: {result.Message}", result.StackTrace);
                case TestStatus.Skipped or TestStatus.Inconclusive or TestStatus.Warning:
                    notPassed ??= (result.ResultState, result.Message);
                    break;
            }
        });

        var outcome = CaseExecutor.Run(identity, settings, loomCase, body, RegressionFile.RecordingEnabled);

        var caseResult = Test.MakeTestResult();
        if (output.Length > MaxOutputChars)
            output.Length = MaxOutputChars;
        caseResult.OutWriter.Write(output.ToString());
        if (output.Length >= MaxOutputChars)
            caseResult.OutWriter.WriteLine($"(Loom: test output cut at {MaxOutputChars} characters)");
        foreach (var summary in outcome.Summaries.Distinct())
            caseResult.OutWriter.WriteLine("Loom: " + summary);

        if (outcome.Passed)
        {
            if (notPassed is { } other)
                caseResult.SetResult(other.State, other.Message);
            else
                caseResult.SetResult(ResultState.Success);
        }
        else
        {
            var message = FailureText.Compose(identity, settings, Test.Name, outcome, NUnitRerunCommands.For(identity));
            caseResult.SetResult(ResultState.Failure, message, outcome.ThrownStackTrace);
        }
        context.CurrentResult = caseResult;
        return caseResult;
    }
}
