using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.TestHost;

namespace Loom.Coverage.Mtp;

/// <summary>
/// Runs in the test host controller when <c>--loom-coverage</c> runs with coverlet.MTP. coverlet.MTP writes its
/// Cobertura report here, once the test host has exited; this handler comes after it (its build hook is registered
/// after Coverlet's, see build/Loom.Coverage.Mtp.targets), reads that report with Loom's record and builds the
/// loom-coverage report, so the statuses under the platform are those of a VSTest run. Only a merge gate
/// (<c>--loom-coverage-threshold</c>) the report does not meet changes the run's result.
/// </summary>
internal sealed class LoomCoverageController(ICommandLineOptions commandLine, IConfiguration configuration, IOutputDevice output, IMessageBus messageBus, ControllerRun run)
    : ITestHostProcessLifetimeHandler, IDataProducer, IOutputDeviceDataProducer
{
    public string Uid => ExtensionInfo.Uid + ".Controller";

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Type[] DataTypesProduced => [typeof(FileArtifact), typeof(TestCoverageThresholdMessage)];

    /// <summary>Whether the report is built in the controller: asked for, and Coverlet on.</summary>
    public static bool IsActive(ICommandLineOptions commandLine) =>
        commandLine.IsOptionSet(LoomCoverageOptions.Enable) && CoverletMtp.IsReferenced() && commandLine.IsOptionSet(CoverletMtp.Enable);

    public Task<bool> IsEnabledAsync() => Task.FromResult(IsActive(commandLine));

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken)
    {
        run.StartedUtc = DateTime.UtcNow;
        return Task.CompletedTask;
    }

    public Task OnTestHostProcessStartedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellation) => Task.CompletedTask;

    public async Task OnTestHostProcessExitedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellation)
    {
        try
        {
            // The controller has no test session of its own; the platform takes threshold evaluations from it after the test host ended.
            await ReportBuilder.ReportAsync(
                this,
                () => Produce(cancellation),
                (path, name) => new FileArtifact(new FileInfo(path), name),
                new SessionUid(Uid),
                commandLine,
                messageBus,
                output,
                cancellation).ConfigureAwait(false);
        }
        finally
        {
            ReportBuilder.TryDelete(run.RecordFolder);
        }
    }

    /// <summary>Builds the report from this run's Cobertura report, or says why there is none.</summary>
    private Task<CoverageRunResult> Produce(CancellationToken cancellation)
    {
        var results = configuration.GetTestResultDirectory();
        var coverlet = CoverletMtp.FindReport(results, run.StartedUtc);
        var problem = coverlet is null
            ? $"coverlet.MTP ran (--{CoverletMtp.Enable}), but no Cobertura report of this run was in {results} when the loom-coverage report was built, so sites not reached under Loom show as 'no-data'. Its formats must include cobertura (--coverlet-output-format), and its extension must be registered before Loom.Coverage.Mtp's (docs/coverage.md)."
            : null;
        return ReportBuilder.ProduceAsync(commandLine, results, run.RecordFolder, coverlet, problem, cancellation);
    }
}
