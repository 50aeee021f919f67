using System;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Services;

namespace Loom.Coverage.Mtp;

/// <summary>Adds the loom-coverage option and extension to a Microsoft.Testing.Platform test application.</summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Called by the entry point Microsoft.Testing.Platform.MSBuild generates, for each registered hook.</summary>
    /// <param name="testApplicationBuilder">The test application being built.</param>
    /// <param name="arguments">The command line, which the platform parses (with its response files) for the options.</param>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new LoomCoverageOptions();
        testApplicationBuilder.CommandLine.AddProvider(() => options);
        // With --loom-coverage (which the source reads from the platform's parse), Coverlet is turned on too.
        if (CoverletMtp.IsReferenced())
            testApplicationBuilder.Configuration.AddConfigurationSource(() => new CoverletOptionsSource());

        var run = new ControllerRun();
        testApplicationBuilder.TestHostControllers.AddEnvironmentVariableProvider(services => new LoomCoverageEnvironment(services.GetCommandLineOptions(), run));
        testApplicationBuilder.TestHostControllers.AddProcessLifetimeHandler(services => new LoomCoverageController(
            services.GetCommandLineOptions(), services.GetConfiguration(), services.GetOutputDevice(), services.GetMessageBus(), run));
        testApplicationBuilder.TestHost.AddTestSessionLifetimeHandler(services => new LoomCoverageSessionHandler(
            services.GetCommandLineOptions(),
            services.GetConfiguration(),
            services.GetOutputDevice(),
            services.GetMessageBus()));
    }
}
