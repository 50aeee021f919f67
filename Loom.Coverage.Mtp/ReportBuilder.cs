using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Loom.Coverage.Catalog;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.TestHost;

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

    /// <summary>
    /// Builds the report, prints its summary, publishes its files and checks the merge gate, the same way wherever
    /// the report is built; a report that cannot be built is a warning, and fails the gate.
    /// </summary>
    /// <param name="producer">The extension that reports.</param>
    /// <param name="build">Builds the report (<see cref="ProduceAsync"/> with the inputs of where it runs).</param>
    /// <param name="artifact">The message that publishes one of the report's files, from its path and name.</param>
    /// <param name="session">The session the gate's evaluations belong to.</param>
    /// <param name="commandLine">The run's options.</param>
    /// <param name="messageBus">The platform's message bus.</param>
    /// <param name="output">The platform's output device.</param>
    /// <param name="cancellationToken">The session's cancellation.</param>
    public static async Task ReportAsync<TProducer>(TProducer producer, Func<Task<CoverageRunResult>> build, Func<string, string, IData> artifact, SessionUid session,
        ICommandLineOptions commandLine, IMessageBus messageBus, IOutputDevice output, CancellationToken cancellationToken)
        where TProducer : IDataProducer, IOutputDeviceDataProducer
    {
        try
        {
            var result = await build().ConfigureAwait(false);
            await output.DisplayAsync(producer, new TextOutputDeviceData(result.Summary), cancellationToken).ConfigureAwait(false);
            foreach (var (path, name) in Files(result))
                await messageBus.PublishAsync(producer, artifact(path, name)).ConfigureAwait(false);
            await ThresholdGate.CheckAsync(commandLine, result.Report, session, producer, messageBus, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await output.DisplayAsync(producer, new WarningMessageOutputDeviceData($"loom-coverage could not build its report: {e.Message}"), cancellationToken).ConfigureAwait(false);
            await ThresholdGate.FailUncheckedAsync(commandLine, session, producer, messageBus, output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reports a result wrote, with how the platform should name each.</summary>
    private static IEnumerable<(string Path, string Name)> Files(CoverageRunResult result)
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
