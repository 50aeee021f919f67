using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Loom.Coverage.Catalog;
using Microsoft.Testing.Platform.CommandLine;

namespace Loom.Coverage.Mtp;

/// <summary>
/// Builds the loom-coverage report of a platform run, in the test host (without Coverlet) or in the test host
/// controller (after coverlet.MTP wrote its report): the same inputs either way, so both give the same report.
/// </summary>
internal static class ReportBuilder
{
    /// <summary>Builds and writes the report.</summary>
    /// <param name="commandLine">The run's options (<c>--loom-coverage-exclude</c>).</param>
    /// <param name="resultsDirectory">Where the reports go.</param>
    /// <param name="recordFolder">Where the test host wrote Loom's record.</param>
    /// <param name="coverletReport">coverlet.MTP's Cobertura report of this run, if there is one.</param>
    /// <param name="coverletProblem">Why there are no line hits, when there are none.</param>
    /// <param name="cancellationToken">The session's cancellation.</param>
    public static Task<CoverageRunResult> ProduceAsync(ICommandLineOptions commandLine, string resultsDirectory, string? recordFolder,
        string? coverletReport, string? coverletProblem, CancellationToken cancellationToken)
    {
        var options = new CoverageRunOptions { OutputFolder = resultsDirectory, LoomRecordFolder = recordFolder };
        if (Assembly.GetEntryAssembly()?.Location is { Length: > 0 } testAssembly)
            options.TestAssemblies.Add(testAssembly);
        if (commandLine.TryGetOptionArgumentList(LoomCoverageOptions.Exclude, out var excluded))
        {
            foreach (var name in excluded)
                options.ExcludedAssemblies.Add(name);
        }
        if (coverletReport is not null)
            options.CoverletReports.Add(coverletReport);
        if (coverletProblem is not null)
            options.Problems.Add(new CoverageProblem("coverlet", null, 0, coverletProblem));
        return Task.Run(() => CoverageRun.Produce(options), cancellationToken);
    }

    /// <summary>The reports a result wrote, with how the platform should name each.</summary>
    public static IEnumerable<(string Path, string Name)> Files(CoverageRunResult result)
    {
        foreach (var (path, name) in new[] { (result.JsonPath, "loom-coverage JSON report"), (result.HtmlPath, "loom-coverage HTML report"), (result.SummaryPath, "loom-coverage summary") })
        {
            if (path is not null)
                yield return (path, name);
        }
    }

    /// <summary>A fresh folder name for Loom's record of one run, in the temporary directory.</summary>
    public static string NewRecordFolder() => Path.Combine(Path.GetTempPath(), "loom-coverage-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Removes the record folder; a leftover one in the temporary directory is harmless.</summary>
    public static void TryDelete(string? folder)
    {
        try
        {
            if (folder is not null && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Harmless, see above.
        }
    }
}
