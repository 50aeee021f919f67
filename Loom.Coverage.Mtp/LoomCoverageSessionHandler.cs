using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using Loom.Coverage.Recording;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;

namespace Loom.Coverage.Mtp;

/// <summary>
/// Runs inside the Microsoft.Testing.Platform test application. When the session starts it turns Loom's record
/// on (through <c>LOOM_COVERAGE_DIR</c>, before any Loom exploration runs); when the session finishes it builds the
/// report, prints the summary and publishes the reports as session artifacts. Coverlet has no collector for this
/// platform here, so sites not reached under Loom are reported as having no coverage data, and the report says so.
/// Nothing it does changes the test session's result.
/// </summary>
internal sealed class LoomCoverageSessionHandler : ITestSessionLifetimeHandler, IDataProducer, IOutputDeviceDataProducer
{
    private readonly ICommandLineOptions _commandLine;
    private readonly IConfiguration _configuration;
    private readonly IOutputDevice _output;
    private readonly IMessageBus _messageBus;
    private string? _recordFolder;

    public LoomCoverageSessionHandler(ICommandLineOptions commandLine, IConfiguration configuration, IOutputDevice output, IMessageBus messageBus)
    {
        _commandLine = commandLine;
        _configuration = configuration;
        _output = output;
        _messageBus = messageBus;
    }

    public string Uid => ExtensionInfo.Uid;

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Type[] DataTypesProduced => [typeof(SessionFileArtifact)];

    public Task<bool> IsEnabledAsync() => Task.FromResult(_commandLine.IsOptionSet(LoomCoverageOptions.Enable));

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        _recordFolder = Path.Combine(Path.GetTempPath(), "loom-coverage-" + Guid.NewGuid().ToString("N")[..12]);
        Environment.SetEnvironmentVariable(CoverageRecording.DirectoryVariable, _recordFolder);
        return Task.CompletedTask;
    }

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        ArgumentNullException.ThrowIfNull(testSessionContext);
        try
        {
            CoverageRecording.Flush();
            var options = new CoverageRunOptions { OutputFolder = _configuration.GetTestResultDirectory(), LoomRecordFolder = _recordFolder };
            if (Assembly.GetEntryAssembly()?.Location is { Length: > 0 } testAssembly)
                options.TestAssemblies.Add(testAssembly);
            if (_commandLine.TryGetOptionArgumentList(LoomCoverageOptions.Exclude, out var excluded))
            {
                foreach (var name in excluded)
                    options.ExcludedAssemblies.Add(name);
            }
            options.Problems.Add(new Catalog.CoverageProblem("coverlet", null, 0,
                "Under Microsoft.Testing.Platform no Coverlet line hits are collected, so sites not reached under Loom show as 'no-data'. Run under VSTest (dotnet test --collect loom-coverage) to tell 'outside Loom' and 'never hit' apart."));

            var result = await Task.Run(() => CoverageRun.Produce(options), testSessionContext.CancellationToken).ConfigureAwait(false);
            await _output.DisplayAsync(this, new TextOutputDeviceData(result.Summary), testSessionContext.CancellationToken).ConfigureAwait(false);
            foreach (var (path, name) in new[] { (result.JsonPath, "loom-coverage JSON report"), (result.HtmlPath, "loom-coverage HTML report"), (result.SummaryPath, "loom-coverage summary") })
            {
                if (path is not null)
                    await _messageBus.PublishAsync(this, new SessionFileArtifact(testSessionContext.SessionUid, new FileInfo(path), name)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await _output.DisplayAsync(this, new WarningMessageOutputDeviceData($"loom-coverage could not build its report: {e.Message}"), testSessionContext.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(_recordFolder);
        }
    }

    private static void TryDelete(string? folder)
    {
        try
        {
            if (folder is not null && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }
}
