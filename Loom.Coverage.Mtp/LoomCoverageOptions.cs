using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Loom.Coverage.Reports;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;

namespace Loom.Coverage.Mtp;

/// <summary>
/// The command-line options: <c>--loom-coverage</c> turns the report on (the equivalent of VSTest's
/// <c>--collect loom-coverage</c>, which Microsoft.Testing.Platform rejects); <c>--loom-coverage-exclude</c> names
/// assemblies to leave out of the code under test; <c>--loom-coverage-threshold</c> is the merge gate VSTest's
/// <c>LoomCoverageThreshold</c> is.
/// </summary>
internal sealed class LoomCoverageOptions : ICommandLineOptionsProvider
{
    public const string Enable = "loom-coverage";

    public const string Exclude = "loom-coverage-exclude";

    public const string Threshold = "loom-coverage-threshold";

    public string Uid => ExtensionInfo.Uid + ".CommandLine";

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName;

    public string Description => ExtensionInfo.Description;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
    [
        new(Enable, "Report which atomic, synchronization, time, random, IO and retry sites the Loom tests reached (loom-coverage.json, .html and .txt in the results directory).", ArgumentArity.Zero, isHidden: false),
        new(Exclude, "Assembly names (without extension) to leave out of the code under test, besides Loom's own.", ArgumentArity.OneOrMore, isHidden: false),
        new(Threshold, "Fail the run when a category's share of sites reached under Loom is below a minimum, as 'atomic=100;retry=80'.", ArgumentArity.ExactlyOne, isHidden: false),
    ];

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(commandOption);
        ArgumentNullException.ThrowIfNull(arguments);
        if (commandOption.Name == Threshold && !CoverageThreshold.TryParse(arguments[0], out _, out var error))
            return ValidationResult.InvalidTask(error!);
        return ValidationResult.ValidTask;
    }

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions)
    {
        ArgumentNullException.ThrowIfNull(commandLineOptions);
        foreach (var option in new[] { Exclude, Threshold })
        {
            if (commandLineOptions.IsOptionSet(option) && !commandLineOptions.IsOptionSet(Enable))
                return ValidationResult.InvalidTask($"--{option} has no effect without --{Enable}.");
        }
        return ValidationResult.ValidTask;
    }
}
