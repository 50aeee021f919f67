using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Loom.Cases;

/// <summary>
/// Discovery of one theory, as every adapter does it: check the method, read the regressions file, list an
/// exhaustive space (through the case-listing cache) and plan the cases. Never throws: every problem becomes an
/// invalid case that names the method and what to do, so one bad theory cannot break discovery of the assembly.
/// With <see cref="CaseShard.Variable"/> set, only that shard's cases are listed (see <see cref="CaseShard"/>): the
/// shard is chosen after planning, so the listing cache always holds the whole listing.
/// </summary>
public static class CaseDiscovery
{
    /// <summary>Plans the cases of a theory.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="testClass">The class the framework runs it on (may derive from the method's declaring class).</param>
    /// <param name="identity">The method as cases name it.</param>
    /// <param name="settings">What the attribute says.</param>
    /// <param name="whyNotListable">
    /// Why discovery cannot run the method to list its schedules (a skipped theory, a class only a test run can
    /// build), or <see langword="null"/>; asked only when a listing is needed.
    /// </param>
    /// <param name="discoveryBody">The body discovery runs to list schedules; built only when a listing is needed.</param>
    /// <param name="order">Where regressions go.</param>
    /// <returns>The cases, in run order; never empty unless a shard holds none of them.</returns>
    public static IReadOnlyList<LoomCase> Discover(
        MethodInfo method,
        Type testClass,
        MethodIdentity identity,
        LoomTheorySettings settings,
        Func<string?> whyNotListable,
        Func<CaseBody> discoveryBody,
        CaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(testClass);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(whyNotListable);
        ArgumentNullException.ThrowIfNull(discoveryBody);
        var all = DiscoverAll(method, testClass, identity, settings, whyNotListable, discoveryBody, order);
        return CaseShard.Apply(Environment.GetEnvironmentVariable(CaseShard.Variable), identity, all);
    }

    private static IReadOnlyList<LoomCase> DiscoverAll(
        MethodInfo method,
        Type testClass,
        MethodIdentity identity,
        LoomTheorySettings settings,
        Func<string?> whyNotListable,
        Func<CaseBody> discoveryBody,
        CaseOrder order)
    {
        try
        {
            if (TheoryMethod.Problem(method, identity) is { } problem)
                return [LoomCase.ForProblem(problem)];

            RegressionFileContents? regressions = null;
            IReadOnlyList<RegressionProblem> orphans = [];
            if (identity.RegressionsPath is { } regressionsPath)
            {
                try
                {
                    regressions = RegressionFile.Read(regressionsPath);
                    orphans = RegressionOrphans.ReportedBy(testClass.Assembly, identity, regressions);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return [LoomCase.ForProblem($"[LoomTheory] on {identity.ShortName}: the regressions file {regressionsPath} could not be read: {e.Message}")];
                }
            }
            return CasePlanner.Plan(identity, settings, regressions, orphans, List, order);
        }
        catch (Exception e)
        {
            return [LoomCase.ForProblem($"Loom could not discover the cases of {identity.Key}: {e}")];
        }

        ScheduleListing List()
        {
            if (whyNotListable() is { } why)
                return ScheduleListing.Unavailable(why);
            ScheduleListing ListNow()
            {
                var listing = ScheduleLister.List(discoveryBody(), settings);
                return listing.Problem is { } problem ? ScheduleListing.Failed($"[LoomTheory] on {identity.ShortName}: {problem}") : listing;
            }
            var cache = CaseListingCache.For(testClass.Assembly);
            return cache is null ? ListNow() : cache.GetOrList(identity.Key, settings, ListNow);
        }
    }
}
