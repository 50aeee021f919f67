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
        if (!commandLine.TryGetOptionArgumentList(LoomCoverageOptions.Threshold, out var arguments) ||
            !CoverageThreshold.TryParse(arguments[0], out var thresholds, out _))
            return;
        foreach (var threshold in thresholds)
        {
            var row = report.For(threshold.Category);
            var met = threshold.IsMetBy(report);
            await messageBus.PublishAsync(producer, new TestCoverageThresholdMessage(
                session, CoverageScope.Overall, CoverageMetric.Custom, CoverageAggregation.None, row.Total == 0 ? 0 : row.Percent,
                threshold.MinimumPercent, row.Total > 0, ExtensionInfo.Uid, null, false, MetricName(threshold.Category))).ConfigureAwait(false);
            if (!met)
                await output.DisplayAsync(producer, new ErrorMessageOutputDeviceData(threshold.Shortfall(report, "--" + LoomCoverageOptions.Threshold)), cancellationToken).ConfigureAwait(false);
        }
    }
}
