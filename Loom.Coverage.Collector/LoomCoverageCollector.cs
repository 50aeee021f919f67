using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.DataCollection;

namespace Loom.Coverage.Collector;

/// <summary>
/// The <c>loom-coverage</c> data collector (<c>dotnet test --collect loom-coverage</c>). It runs in VSTest's
/// data collector process: it gives each test host a folder to write Loom's record to (through
/// <c>LOOM_COVERAGE_DIR</c>), and at the end of the session hands the test assemblies and the records to
/// <see cref="LoomCoverageAttachmentProcessor"/>, which joins them with Coverlet's line hits into the reports.
/// Nothing it does can fail a test run: problems become warnings and notes in the report.
/// </summary>
[DataCollectorFriendlyName(FriendlyName)]
[DataCollectorTypeUri(CollectorUris.LoomCoverage)]
[DataCollectorAttachmentProcessor(typeof(LoomCoverageAttachmentProcessor))]
public sealed class LoomCoverageCollector : DataCollector, ITestExecutionEnvironmentSpecifier
{
    /// <summary>The name used with <c>--collect</c> and in run settings.</summary>
    public const string FriendlyName = "loom-coverage";

    /// <summary>The environment variable Loom.Core reads (Loom.Core's <c>ControlledSiteLog.DirectoryVariable</c>).</summary>
    internal const string RecordDirectoryVariable = "LOOM_COVERAGE_DIR";

    /// <summary>How long the end of the session waits for the test platform to take the run file.</summary>
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromSeconds(30);

    private readonly string _recordFolder = Path.Combine(Path.GetTempPath(), "loom-coverage-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _testSources = [];
    private readonly List<string> _excludeAssemblies = [];
    private DataCollectionEvents? _events;
    private DataCollectionSink? _sink;
    private DataCollectionLogger? _logger;
    private DataCollectionContext? _context;

    /// <inheritdoc />
    public override void Initialize(XmlElement? configurationElement, DataCollectionEvents events, DataCollectionSink dataSink, DataCollectionLogger logger, DataCollectionEnvironmentContext? environmentContext)
    {
        _events = events;
        _sink = dataSink;
        _logger = logger;
        _context = environmentContext?.SessionDataCollectionContext;
        _excludeAssemblies.AddRange(CollectorSettings.ExcludeAssemblies(configurationElement));
        events.SessionStart += OnSessionStart;
        events.SessionEnd += OnSessionEnd;
        try
        {
            Directory.CreateDirectory(_recordFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"loom-coverage cannot create {_recordFolder} ({e.Message}); the report will not know which sites ran under Loom.");
        }
    }

    /// <summary>Tells VSTest to start each test host with <c>LOOM_COVERAGE_DIR</c> set, which turns Loom's record on.</summary>
    /// <returns>The variable and the folder.</returns>
    public IEnumerable<KeyValuePair<string, string>> GetTestExecutionEnvironmentVariables() =>
        [new(RecordDirectoryVariable, _recordFolder)];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _events is not null)
        {
            _events.SessionStart -= OnSessionStart;
            _events.SessionEnd -= OnSessionEnd;
            _events = null;
        }
        base.Dispose(disposing);
    }

    private void OnSessionStart(object? sender, SessionStartEventArgs e)
    {
        try
        {
            if (e.GetPropertyValue<IEnumerable<string>>("TestSources") is { } sources)
                _testSources.AddRange(sources);
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or ArgumentException)
        {
            Warn($"loom-coverage could not read the test assemblies of the session ({ex.Message}); the report's catalog will be empty.");
        }
    }

    private void OnSessionEnd(object? sender, SessionEndEventArgs e)
    {
        if (_sink is null || _context is null)
            return;
        try
        {
            var run = Path.Combine(_recordFolder, RunFile.FileName);
            RunFile.Write(run, _testSources.Distinct(StringComparer.Ordinal), _excludeAssemblies, _recordFolder);
            using var sent = new ManualResetEventSlim();
            void Completed(object? s, AsyncCompletedEventArgs args) => sent.Set();
            _sink.SendFileCompleted += Completed;
            try
            {
                _sink.SendFileAsync(new FileTransferInformation(_context, run, deleteFile: false));
                if (!sent.Wait(TransferTimeout))
                    Warn($"loom-coverage: the test platform did not take {run} within {TransferTimeout.TotalSeconds:0} s; the report may be missing.");
            }
            finally
            {
                _sink.SendFileCompleted -= Completed;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Warn($"loom-coverage could not hand its record over ({ex.Message}); no report will be written for this session.");
        }
        finally
        {
            TryDelete(_recordFolder);
        }
    }

    private void Warn(string message)
    {
        if (_logger is not null && _context is not null)
            _logger.LogWarning(_context, message);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }
}
