using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Loom.Coverage.Catalog;
using Loom.Coverage.Hits;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Loom.Coverage.Collector;

/// <summary>
/// Runs in the test platform after every test host has finished. It takes the collector's run files and
/// Coverlet's reports, builds the loom-coverage report (JSON and HTML, added to the run's attachments) and prints
/// the summary. Coverlet's own attachments are passed on untouched. It may be called again with its own output
/// plus more sessions (the test platform processes attachments incrementally), so the report is always rebuilt
/// from every run file it is given.
/// </summary>
public sealed class LoomCoverageAttachmentProcessor : IDataCollectorAttachmentProcessor
{
    /// <inheritdoc />
    public bool SupportsIncrementalProcessing => true;

    /// <inheritdoc />
    public IEnumerable<Uri> GetExtensionUris() => [CollectorUris.LoomCoverageUri, CollectorUris.CoverletUri];

    /// <inheritdoc />
    public Task<ICollection<AttachmentSet>> ProcessAttachmentSetsAsync(XmlElement configurationElement, ICollection<AttachmentSet> attachments, IProgress<int> progressReporter, IMessageLogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Process(attachments, logger));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The report is a by-product: whatever goes wrong, the run's attachments and result stay as they were.
            logger?.SendMessage(TestMessageLevel.Warning, $"loom-coverage could not build its report: {e}");
            return Task.FromResult(attachments);
        }
    }

    private static ICollection<AttachmentSet> Process(ICollection<AttachmentSet> attachments, IMessageLogger? logger)
    {
        var output = new Collection<AttachmentSet>();
        var runFiles = new List<string>();
        var coverlet = new List<string>();
        foreach (var set in attachments)
        {
            if (set.Uri == CollectorUris.CoverletUri)
            {
                output.Add(set);
                coverlet.AddRange(set.Attachments.Select(a => LocalPath(a.Uri)).Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".json", StringComparison.OrdinalIgnoreCase)));
                continue;
            }
            // Our own earlier output carries its run files along; earlier reports are rebuilt, not kept.
            runFiles.AddRange(set.Attachments.Select(a => LocalPath(a.Uri)).Where(p => Path.GetFileName(p).StartsWith("loom-coverage-run", StringComparison.Ordinal)));
        }
        if (runFiles.Count == 0)
            return attachments;
        // Under dotnet test the test platform processes attachments twice: in each project's run, and once more for
        // the whole invocation. Scanning the sources is the expensive part, so a run whose report already exists
        // (written by the first pass, beside its run file) is passed on as it is.
        if (runFiles.TrueForAll(AlreadyReported))
            return attachments;

        var record = new LoomRecord();
        var options = new CoverageRunOptions { OutputFolder = Path.GetDirectoryName(runFiles[0])!, LoomRecord = record };
        foreach (var file in runFiles.Distinct(StringComparer.Ordinal))
        {
            if (RunFile.Read(file, record, options.Problems) is not { } run)
                continue;
            foreach (var source in run.TestSources.Where(s => !options.TestAssemblies.Contains(s)))
                options.TestAssemblies.Add(source);
            foreach (var name in run.ExcludeAssemblies)
                options.ExcludedAssemblies.Add(name);
        }
        foreach (var report in coverlet.Distinct(StringComparer.Ordinal))
            options.CoverletReports.Add(report);

        var result = CoverageRun.Produce(options);
        logger?.SendMessage(TestMessageLevel.Informational, result.Summary);
        // The test platform shows no informational message of a processor, but this runs inside vstest.console, whose
        // output dotnet test prints: written there, the summary appears whether the tests passed or failed.
        Console.Out.WriteLine();
        Console.Out.WriteLine(result.Summary);
        LeaveSummaryForTheBuild(result, options);

        var ours = new AttachmentSet(CollectorUris.LoomCoverageUri, LoomCoverageCollector.FriendlyName);
        foreach (var report in new[] { result.JsonPath, result.HtmlPath, result.SummaryPath })
        {
            if (report is not null)
                ours.Attachments.Add(new UriDataAttachment(FileUri(report), "loom-coverage report"));
        }
        foreach (var file in runFiles.Distinct(StringComparer.Ordinal))
            ours.Attachments.Add(new UriDataAttachment(FileUri(file), "loom-coverage run data"));
        output.Add(ours);
        return output;
    }

    private static bool AlreadyReported(string runFile)
    {
        var report = Path.Combine(Path.GetDirectoryName(runFile)!, CoverageRun.JsonFileName);
        return File.Exists(report) && File.GetLastWriteTimeUtc(report) >= File.GetLastWriteTimeUtc(runFile);
    }

    /// <summary>
    /// Copies the summary to <c>TestResults/loom-coverage-&lt;test assembly&gt;.txt</c>, where Loom.Coverage's build
    /// files read it after <c>dotnet test</c> to check <c>LoomCoverageThreshold</c>.
    /// </summary>
    private static void LeaveSummaryForTheBuild(CoverageRunResult result, CoverageRunOptions options)
    {
        if (result.SummaryPath is null || options.TestAssemblies.Count == 0 || Path.GetDirectoryName(options.OutputFolder) is not { } results)
            return;
        try
        {
            File.Copy(result.SummaryPath, Path.Combine(results, $"loom-coverage-{Path.GetFileNameWithoutExtension(options.TestAssemblies[0])}.txt"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the threshold check is lost (it then has no summary to read); the reports are attachments of the run.
        }
    }

    /// <summary>
    /// A file URI whose text is <c>file:///...</c>. The test platform saves attachments by their original text and
    /// reads them back as "relative or absolute", and on Unix a bare <c>/tmp/x</c> comes back as a relative URI.
    /// </summary>
    private static Uri FileUri(string path) => new(new Uri(path).AbsoluteUri);

    private static string LocalPath(Uri uri) => uri.IsAbsoluteUri ? uri.LocalPath : uri.OriginalString;
}
