using System;
using System.Collections.Generic;
using System.Globalization;
using Loom.Cases;

namespace Loom.Xunit;

/// <summary>The runner command lines that re-run one schedule or seed case of an xUnit Loom theory alone.</summary>
internal static class XunitRerunCommands
{
    /// <summary>The commands for the cases of one test case's method.</summary>
    public static Func<LoomCase, IEnumerable<string>> For(LoomXunitTestCase testCase)
    {
        var method = testCase.Identity.Key;
        var ownKey = testCase.Case.AsRegression().Key;
        return rerun => Commands(method, rerun, rerun.AsRegression().Key == ownKey ? testCase.UniqueID : null);
    }

    /// <summary>The commands for one case of a method.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="rerun">The schedule or seed case to re-run.</param>
    /// <param name="uniqueId">The unique id of the test case that is exactly <paramref name="rerun"/>, if it is a discovered case.</param>
    public static IEnumerable<string> Commands(string methodKey, LoomCase rerun, string? uniqueId)
    {
        var trait = rerun.Kind == LoomCaseKind.Seed
            ? $"{LoomTraits.Seed}={rerun.Seed!.Value.ToString(CultureInfo.InvariantCulture)}"
            : $"{LoomTraits.Schedule}={rerun.Schedule}";
        yield return $"VSTest:  dotnet test --filter \"FullyQualifiedName={methodKey}&{trait}\"";
        yield return $"Microsoft.Testing.Platform (test executable, or dotnet test in that mode):  --filter-method \"{methodKey}\" --filter-trait \"{trait}\"";
        if (uniqueId is not null)
            yield return $"Microsoft.Testing.Platform, by unique id:  --filter-uid {uniqueId}";
    }
}
