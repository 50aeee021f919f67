using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Loom.Cases;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>
/// Expands a <see cref="LoomTheoryAttribute"/> method into its cases: regressions first, then one case per seed,
/// schedule or group of schedules (see docs/cases.md). Never throws: anything that goes wrong becomes a failing
/// case that names the method and the problem, so one bad theory cannot break discovery of the assembly.
/// </summary>
public sealed class LoomTheoryDiscoverer : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        IFactAttribute factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);

        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        try
        {
            return new(DiscoverCases(testMethod, factAttribute, details.TestCaseDisplayName));
        }
        catch (Exception e)
        {
            var message = $"Loom could not discover the cases of {testMethod.TestClass.TestClassName}.{testMethod.MethodName}: {e}";
            return new([XunitCaseFactory.Error(testMethod, factAttribute, details.TestCaseDisplayName, LoomCase.ForProblem(message))]);
        }
    }

    private static IReadOnlyCollection<IXunitTestCase> DiscoverCases(IXunitTestMethod testMethod, IFactAttribute factAttribute, string methodDisplayName)
    {
        var identity = new MethodIdentity(testMethod.TestClass.Class.FullName ?? testMethod.TestClass.TestClassName, testMethod.MethodName, factAttribute.SourceFilePath);
        if (factAttribute is not LoomTheoryAttribute attribute)
            return [XunitCaseFactory.Error(testMethod, factAttribute, methodDisplayName, LoomCase.ForProblem($"{identity.ShortName}: the Loom discoverer only handles [LoomTheory]."))];

        var settings = attribute.ToSettings();
        var testClass = testMethod.TestClass.Class;
        var cases = CaseDiscovery.Discover(
            testMethod.Method,
            testClass,
            identity,
            settings,
            () => WhyNotListable(testMethod, factAttribute),
            () => ExecutionBody.ForDiscovery(testMethod.Method, testClass),
            CaseOrder.RegressionsFirst);
        return cases
            .Select(c => c.Kind == LoomCaseKind.Invalid
                ? XunitCaseFactory.Error(testMethod, factAttribute, methodDisplayName, c)
                : XunitCaseFactory.Create(testMethod, factAttribute, methodDisplayName, identity, settings, c))
            .ToArray();
    }

    private static string? WhyNotListable(IXunitTestMethod testMethod, IFactAttribute attribute)
    {
        // A skipped theory's code may not even work yet: do not run it just to name its cases.
        if (attribute.Skip is not null)
            return "the theory is skipped";
        return ExecutionBody.CanRunAtDiscovery(testMethod.Method, testMethod.TestClass.Class, out var why) ? null : why;
    }
}
