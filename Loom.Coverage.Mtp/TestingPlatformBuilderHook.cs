using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Services;

namespace Loom.Coverage.Mtp;

/// <summary>Adds the loom-coverage option and extension to a Microsoft.Testing.Platform test application.</summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Called by the entry point Microsoft.Testing.Platform.MSBuild generates, for each registered hook.</summary>
    /// <param name="testApplicationBuilder">The test application being built.</param>
    /// <param name="_">The command line (unused: the platform parses the options).</param>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] _)
    {
        System.ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        var options = new LoomCoverageOptions();
        testApplicationBuilder.CommandLine.AddProvider(() => options);
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandler(services => new LoomCoverageSessionHandler(
            services.GetCommandLineOptions(),
            services.GetConfiguration(),
            services.GetOutputDevice(),
            services.GetMessageBus()));
    }
}
