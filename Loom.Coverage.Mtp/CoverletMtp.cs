using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Loom.Coverage.Mtp;

/// <summary>
/// What the extension knows of coverlet.MTP, Coverlet's extension for Microsoft.Testing.Platform: its options, whether
/// the test application carries it, and where its Cobertura report of a run is (the results directory, as
/// <c>coverage.cobertura.&lt;time stamp&gt;.xml</c>, or <c>&lt;prefix&gt;.coverage.cobertura.&lt;time stamp&gt;.xml</c>).
/// </summary>
internal static class CoverletMtp
{
    /// <summary>The option that turns coverlet.MTP on.</summary>
    public const string Enable = "coverlet";

    /// <summary>coverlet.MTP's option for assembly filters to leave out.</summary>
    public const string Exclude = "coverlet-exclude";

    /// <summary>
    /// Assemblies that are not code under test, as Loom.Coverage's run settings name them for coverlet.collector
    /// under VSTest: Loom is the tool (instrumenting its scheduler would only slow the tests), and the test
    /// frameworks and the test platforms are not code under test either.
    /// </summary>
    public static readonly IReadOnlyList<string> NotUnderTest =
    [
        "[Loom.Core]*", "[Loom.Xunit]*", "[Loom.NUnit]*", "[Loom.MSTest]*", "[Loom.Coverage]*", "[Loom.Coverage.Collector]*", "[Loom.Coverage.Mtp]*",
        "[xunit.*]*", "[NUnit3.TestAdapter]*", "[nunit.*]*", "[MSTest.*]*", "[Microsoft.VisualStudio.TestPlatform.*]*", "[Microsoft.TestPlatform.*]*",
        "[Microsoft.Testing.*]*", "[testhost]*",
    ];

    private const string AssemblyFileName = "coverlet.MTP.dll";

    /// <summary>Whether coverlet.MTP is part of the test application (its assembly beside the entry point).</summary>
    public static bool IsReferenced() => File.Exists(Path.Combine(AppContext.BaseDirectory, AssemblyFileName));

    /// <summary>The newest Cobertura report coverlet.MTP wrote to <paramref name="resultsDirectory"/> since <paramref name="sinceUtc"/>, if any.</summary>
    public static string? FindReport(string resultsDirectory, DateTime sinceUtc)
    {
        if (!Directory.Exists(resultsDirectory))
            return null;
        return new DirectoryInfo(resultsDirectory).EnumerateFiles("*coverage.cobertura.*xml")
            .Where(f => f.LastWriteTimeUtc >= sinceUtc)
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => f.FullName)
            .FirstOrDefault();
    }
}
