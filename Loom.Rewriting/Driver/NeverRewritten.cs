using System;
using System.Linq;

namespace Loom.Rewriting.Driver;

/// <summary>
/// Assemblies the rewriter never touches, whatever the build asks: the framework (Loom models its types, it does
/// not rewrite them), the test frameworks and their runners, Coverlet, and Loom's own.
/// </summary>
internal static class NeverRewritten
{
    /// <summary>Loom's own assemblies, by exact name: a user's assembly may well be called Loom.Something.</summary>
    private static readonly string[] s_loom =
        ["Loom.Core", "Loom.Xunit", "Loom.NUnit", "Loom.MSTest", "Loom.Coverage", "Loom.Coverage.Collector", "Loom.Coverage.Mtp", "Loom.Rewriting"];

    /// <summary>Why <paramref name="assemblyName"/> is never rewritten, or <see langword="null"/> if it may be.</summary>
    public static string? Reason(string assemblyName)
    {
        if (s_loom.Contains(assemblyName, StringComparer.OrdinalIgnoreCase))
            return "it is one of Loom's own assemblies";
        if (Is(assemblyName, "System") || Is(assemblyName, "Microsoft.Win32") || Is(assemblyName, "Microsoft.VisualBasic")
            || assemblyName is "mscorlib" or "netstandard" or "Microsoft.CSharp" or "WindowsBase")
            return "it is part of .NET itself, whose concurrency types Loom models instead";
        if (Is(assemblyName, "xunit") || Is(assemblyName, "nunit") || Is(assemblyName, "NUnit3") || Is(assemblyName, "MSTest")
            || Is(assemblyName, "Microsoft.VisualStudio.TestPlatform") || Is(assemblyName, "Microsoft.TestPlatform")
            || Is(assemblyName, "Microsoft.Testing") || Is(assemblyName, "testhost") || Is(assemblyName, "Microsoft.NET.Test.Sdk"))
            return "it belongs to a test framework or its runner, which must run as written";
        if (Is(assemblyName, "coverlet"))
            return "it belongs to Coverlet, which must run as written";
        return null;
    }

    private static bool Is(string name, string prefix) =>
        name.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length && name[prefix.Length] is '.' or '-' or '_');
}
