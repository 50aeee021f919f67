using System;
using System.Collections.Generic;
using System.IO;
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
        var method = testMethod.Method;
        var identity = new MethodIdentity(testMethod.TestClass.Class.FullName ?? testMethod.TestClass.TestClassName, testMethod.MethodName, factAttribute.SourceFilePath);
        if (factAttribute is not LoomTheoryAttribute attribute)
            return [Error($"{identity.ShortName}: the Loom discoverer only handles [LoomTheory].")];
        if (testMethod.Parameters.Count != 0)
            return [Error($"[LoomTheory] on {identity.ShortName}: the method takes parameters, but a Loom theory's cases are its schedules and seeds, not data rows; remove the parameters.")];
        if (method.IsGenericMethodDefinition)
            return [Error($"[LoomTheory] on {identity.ShortName}: the method is generic; Loom theories cannot be generic.")];
        if (!ExecutionBody.HasSupportedReturnType(method))
            return [Error($"[LoomTheory] on {identity.ShortName}: the method returns {method.ReturnType.Name}; a Loom theory returns void, Task or ValueTask (async void cannot be awaited).")];

        var settings = attribute.ToSettings();
        RegressionFileContents? regressions = null;
        if (identity.RegressionsPath is { } regressionsPath)
        {
            try
            {
                regressions = RegressionFile.Read(regressionsPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return [Error($"[LoomTheory] on {identity.ShortName}: the regressions file {regressionsPath} could not be read: {e.Message}")];
            }
        }

        var cases = CasePlanner.Plan(identity, settings, regressions, () => ListSchedules(testMethod, factAttribute, identity, settings));
        return cases
            .Select(c => c.Kind == LoomCaseKind.Invalid
                ? XunitCaseFactory.Error(testMethod, factAttribute, methodDisplayName, c)
                : XunitCaseFactory.Create(testMethod, factAttribute, methodDisplayName, identity, settings, c))
            .ToArray();

        IXunitTestCase Error(string problem) =>
            XunitCaseFactory.Error(testMethod, factAttribute, methodDisplayName, LoomCase.ForProblem(problem));
    }

    private static ScheduleListing ListSchedules(IXunitTestMethod testMethod, IFactAttribute attribute, MethodIdentity identity, LoomTheorySettings settings)
    {
        // A skipped theory's code may not even work yet: do not run it just to name its cases.
        if (attribute.Skip is not null)
            return ScheduleListing.Unavailable("the theory is skipped");
        var testClass = testMethod.TestClass.Class;
        if (!ExecutionBody.CanRunAtDiscovery(testMethod.Method, testClass, out var why))
            return ScheduleListing.Unavailable(why);

        ScheduleListing List() => ScheduleLister.List(ExecutionBody.ForDiscovery(testMethod.Method, testClass), settings);
        var cache = CaseListingCache.For(testClass.Assembly);
        return cache is null ? List() : cache.GetOrList(identity.Key, settings, List);
    }
}
