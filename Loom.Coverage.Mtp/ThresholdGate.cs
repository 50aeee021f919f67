using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Loom.Coverage.Catalog;
using Loom.Coverage.Reports;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.TestHost;

namespace Loom.Coverage.Mtp;

/// <summary>
/// The merge gate under the platform (<c>--loom-coverage-threshold</c>): each entry goes to the platform as a
/// coverage threshold evaluation (<see cref="TestCoverageThresholdMessage"/>, a custom metric per category), so the
/// platform fails an otherwise passing run with its coverage-threshold exit code; Loom also says which category fell
/// short, in the words of the VSTest check.
/// </summary>
internal static class ThresholdGate
{
    /// <summary>The metric name a category's evaluation carries, for example <c>loom-atomic</c>.</summary>
    public static string MetricName(SiteCategory category) => "loom-" + SiteCategoryNames.Name(category);

    /// <summary>Evaluates the run's gate, if it has one, publishes each entry and reports each shortfall.</summary>
    /// <param name="commandLine">The run's options.</param>
    /// <param name="report">The run's report.</param>
    /// <param name="session">The session the evaluations belong to.</param>
    /// <param name="producer">The extension that publishes them.</param>
    /// <param name="messageBus">The platform's message bus.</param>
    /// <param name="output">The platform's output device.</param>
    /// <param name="cancellationToken">The session's cancellation.</param>
    public static async Task CheckAsync<TProducer>(ICommandLineOptions commandLine, CoverageReport report, SessionUid session, TProducer producer,
        IMessageBus messageBus, IOutputDevice output, CancellationToken cancellationToken)
        where TProducer : IDataProducer, IOutputDeviceDataProducer
    {
        foreach (var threshold in Gate(commandLine))
        {
            var row = report.For(threshold.Category);
            await messageBus.PublishAsync(producer, Evaluation(session, threshold, row.Total == 0 ? 0 : row.Percent, hasData: row.Total > 0, noDataFails: false)).ConfigureAwait(false);
            if (!threshold.IsMetBy(report))
                await output.DisplayAsync(producer, new ErrorMessageOutputDeviceData(threshold.Shortfall(report, "--" + LoomCoverageOptions.Threshold)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fails every entry of the run's gate, if it has one, because the report could not be built: a gate that
    /// cannot be checked must not pass.
    /// </summary>
    /// <param name="commandLine">The run's options.</param>
    /// <param name="session">The session the evaluations belong to.</param>
    /// <param name="producer">The extension that publishes them.</param>
    /// <param name="messageBus">The platform's message bus.</param>
    /// <param name="output">The platform's output device.</param>
    /// <param name="cancellationToken">The session's cancellation.</param>
    public static async Task FailUncheckedAsync<TProducer>(ICommandLineOptions commandLine, SessionUid session, TProducer producer,
        IMessageBus messageBus, IOutputDevice output, CancellationToken cancellationToken)
        where TProducer : IDataProducer, IOutputDeviceDataProducer
    {
        var gate = Gate(commandLine);
        if (gate.Count == 0)
            return;
        foreach (var threshold in gate)
            await messageBus.PublishAsync(producer, Evaluation(session, threshold, 0, hasData: false, noDataFails: true)).ConfigureAwait(false);
        await output.DisplayAsync(producer, new ErrorMessageOutputDeviceData(
            $"--{LoomCoverageOptions.Threshold} could not be checked: the loom-coverage report was not built (see the warning above), so the gate fails."), cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<CoverageThreshold> Gate(ICommandLineOptions commandLine) =>
        commandLine.TryGetOptionArgumentList(LoomCoverageOptions.Threshold, out var arguments) && CoverageThreshold.TryParse(arguments[0], out var thresholds, out _)
            ? thresholds
            : [];

    // A category without sites has no coverable data and meets any minimum; a report that was never built has none
    // either, and fails.
    private static TestCoverageThresholdMessage Evaluation(SessionUid session, CoverageThreshold threshold, double actual, bool hasData, bool noDataFails) =>
        new(session, CoverageScope.Overall, CoverageMetric.Custom, CoverageAggregation.None, actual, threshold.MinimumPercent, hasData,
            ExtensionInfo.Uid, null, noDataFails, MetricName(threshold.Category));
}
