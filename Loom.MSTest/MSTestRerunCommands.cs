using System;
using System.Collections.Generic;
using System.Globalization;
using Loom.Cases;

namespace Loom.MSTest;

/// <summary>
/// The runner command lines that re-run one schedule or seed case of an MSTest Loom theory alone. MSTest tags a
/// data row only with categories, so the filter names the method and the case's category; both runners take it.
/// </summary>
internal static class MSTestRerunCommands
{
    /// <summary>The commands for the cases of one method.</summary>
    public static Func<LoomCase, IEnumerable<string>> For(MethodIdentity identity) => rerun => Commands(identity.Key, rerun);

    /// <summary>The commands for one case of a method.</summary>
    /// <param name="methodKey">The method, as <c>Namespace.Class.Method</c>.</param>
    /// <param name="rerun">The schedule or seed case to re-run.</param>
    public static IEnumerable<string> Commands(string methodKey, LoomCase rerun)
    {
        var category = rerun.Kind == LoomCaseKind.Seed
            ? LoomTraits.Category(LoomTraits.Seed, rerun.Seed!.Value.ToString(CultureInfo.InvariantCulture))
            : LoomTraits.Category(LoomTraits.Schedule, rerun.Schedule!);
        var filter = $"FullyQualifiedName={methodKey}&TestCategory={category}";
        yield return $"VSTest:  dotnet test --filter \"{filter}\"";
        yield return $"Microsoft.Testing.Platform (test executable, or dotnet test in that mode):  --filter \"{filter}\"";
    }
}
