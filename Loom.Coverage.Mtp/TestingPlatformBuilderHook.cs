using System;
using System.Linq;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Services;

namespace Loom.Coverage.Mtp;

/// <summary>Adds the loom-coverage option and extension to a Microsoft.Testing.Platform test application.</summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Called by the entry point Microsoft.Testing.Platform.MSBuild generates, for each registered hook.</summary>
    /// <param name="testApplicationBuilder">The test application being built.</param>
    /// <param name="arguments">The command line: with <c>--loom-coverage</c> and coverlet.MTP present, Coverlet is turned on too.</param>
    public static void AddExtensions(ITestApplicationBuilder testApplicationBuilder, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(testApplicationBuilder);
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new LoomCoverageOptions();
        testApplicationBuilder.CommandLine.AddProvider(() => options);
        if (arguments.Contains("--" + LoomCoverageOptions.Enable, StringComparer.Ordinal) && CoverletMtp.IsReferenced())
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
