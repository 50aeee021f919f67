using System;
using System.IO;
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
/// on (through <c>LOOM_COVERAGE_DIR</c>, before any Loom exploration runs); when the session finishes it flushes the
/// record and, unless the test host controller builds the report (Coverlet runs: see
/// <see cref="LoomCoverageController"/>), builds the report, prints the summary and publishes the reports as session
/// artifacts. Only a merge gate (<c>--loom-coverage-threshold</c>) the report does not meet changes the session's result.
/// </summary>
internal sealed class LoomCoverageSessionHandler : ITestSessionLifetimeHandler, IDataProducer, IOutputDeviceDataProducer
{
    private readonly ICommandLineOptions _commandLine;
    private readonly IConfiguration _configuration;
    private readonly IOutputDevice _output;
    private readonly IMessageBus _messageBus;
    private string? _recordFolder;
    private bool _byController;

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

    public Type[] DataTypesProduced => [typeof(SessionFileArtifact), typeof(TestCoverageThresholdMessage)];

    public Task<bool> IsEnabledAsync() => Task.FromResult(_commandLine.IsOptionSet(LoomCoverageOptions.Enable));

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        _byController = Environment.GetEnvironmentVariable(ControllerRun.ReportByControllerVariable) == "1";
        if (_byController)
            return Task.CompletedTask;
        _recordFolder = ReportBuilder.NewRecordFolder();
        Environment.SetEnvironmentVariable(CoverageRecording.DirectoryVariable, _recordFolder);
        return Task.CompletedTask;
    }

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        ArgumentNullException.ThrowIfNull(testSessionContext);
        if (_byController)
        {
            // The controller reads the record once this process has exited.
            CoverageRecording.Flush();
            return;
        }
        try
        {
            CoverageRecording.Flush();
            await ReportBuilder.ReportAsync(
                this,
                () => ReportBuilder.ProduceAsync(_commandLine, _configuration.GetTestResultDirectory(), _recordFolder, null, NoCoverletReason(), testSessionContext.CancellationToken),
                (path, name) => new SessionFileArtifact(testSessionContext.SessionUid, new FileInfo(path), name),
                testSessionContext.SessionUid,
                _commandLine,
                _messageBus,
                _output,
                testSessionContext.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReportBuilder.TryDelete(_recordFolder);
        }
    }

    /// <summary>Why a report built in the test host has no line hits.</summary>
    private static string NoCoverletReason() => CoverletMtp.IsReferenced()
        ? "coverlet.MTP is part of this test application but did not run, so sites not reached under Loom show as 'no-data'."
        : "This test application does not reference coverlet.MTP, so no Coverlet line hits were collected and sites not reached under Loom show as 'no-data'. Add coverlet.MTP (10.1.1 or later) to the test project to tell 'outside Loom', 'never hit' and 'file never loaded' apart (docs/coverage.md).";
}
