using System;
using System.Collections.Generic;
using System.Globalization;
using Loom.Cases;

namespace Loom.NUnit;

/// <summary>
/// The runner command lines that re-run one schedule or seed case of an NUnit Loom theory alone. Both runners take
/// the same <c>--filter</c> expression; its values hold no whitespace, which NUnit3TestAdapter's filter cannot parse.
/// </summary>
internal static class NUnitRerunCommands
{
    /// <summary>The commands for the cases of one test's method.</summary>
    public static Func<LoomCase, IEnumerable<string>> For(MethodIdentity identity) =>
        rerun => Commands(identity.Key, rerun);

    /// <summary>The commands for one case of a method.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="rerun">The schedule or seed case to re-run.</param>
    public static IEnumerable<string> Commands(string methodKey, LoomCase rerun)
    {
        var property = rerun.Kind == LoomCaseKind.Seed
            ? $"{LoomTraits.Seed}={rerun.Seed!.Value.ToString(CultureInfo.InvariantCulture)}"
            : $"{LoomTraits.Schedule}={ScheduleText.FilterSafe(rerun.Schedule!)}";
        var filter = $"FullyQualifiedName={methodKey}&{property}";
        yield return $"VSTest:  dotnet test --filter \"{filter}\"";
        yield return $"Microsoft.Testing.Platform (test executable, or dotnet test in that mode):  --filter \"{filter}\"";
    }
}
