using System.Threading.Tasks;
using Loom.Coverage.Recording;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;

namespace Loom.Coverage.Mtp;

/// <summary>
/// In the test host controller, when Coverlet runs too: gives the test host the folder for Loom's record and tells
/// it that the controller builds the report (after coverlet.MTP's, which the controller writes once the host has exited).
/// </summary>
internal sealed class LoomCoverageEnvironment(ICommandLineOptions commandLine, ControllerRun run) : ITestHostEnvironmentVariableProvider
{
    public string Uid => ExtensionInfo.Uid + ".Environment";

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Task<bool> IsEnabledAsync() => Task.FromResult(LoomCoverageController.IsActive(commandLine));

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        System.ArgumentNullException.ThrowIfNull(environmentVariables);
        environmentVariables.SetVariable(new EnvironmentVariable(CoverageRecording.DirectoryVariable, run.RecordFolder, isSecret: false, isLocked: true));
        environmentVariables.SetVariable(new EnvironmentVariable(ControllerRun.ReportByControllerVariable, "1", isSecret: false, isLocked: true));
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) => ValidationResult.ValidTask;
}
