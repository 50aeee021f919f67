using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;

namespace Loom.Coverage.Mtp;

/// <summary>
/// When the test application carries coverlet.MTP and runs with <c>--loom-coverage</c> (on the command line or in a
/// response file: the platform's own parse of the command line decides), turns Coverlet on for line
/// hits the way Loom.Coverage's build files do under VSTest: <c>--coverlet</c>, and Loom, the test frameworks and the
/// platform not instrumented. Unlike under VSTest the test assembly is left out: under the platform it is the
/// controller's own running program, and instrumenting it in place (<c>--coverlet-include-test-assembly</c>) left a
/// Release build's test host unable to connect to its controller, hanging the run. The options are given
/// as the platform's configuration (<c>commandLineOptions:*</c>, read like <c>testconfig.json</c>'s section of that
/// name), below the command line and the environment, so an option the user gives wins.
/// </summary>
internal sealed class CoverletOptionsSource : IConfigurationSource, IConfigurationProvider
{
    private static readonly Dictionary<string, string> Values = Build();

    private bool _enabled;

    public string Uid => ExtensionInfo.Uid + ".CoverletOptions";

    public string Version => ExtensionInfo.Version;

    public string DisplayName => ExtensionInfo.DisplayName + ": Coverlet's options";

    public string Description => "Turns coverlet.MTP on for the code under test when --loom-coverage is given.";

    // After the command line (0) and the environment (1), before testconfig.json (3).
    public int Order => 2;

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task<IConfigurationProvider> BuildAsync(CommandLineParseResult commandLineParseResult)
    {
        _enabled = commandLineParseResult.IsOptionSet(LoomCoverageOptions.Enable);
        return Task.FromResult<IConfigurationProvider>(this);
    }

    public Task LoadAsync() => Task.CompletedTask;

    public bool TryGet(string key, out string? value)
    {
        value = null;
        return _enabled && Values.TryGetValue(key, out value);
    }

    private static Dictionary<string, string> Build()
    {
        const string section = "commandLineOptions:";
        var values = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            [section + CoverletMtp.Enable] = "true",
        };
        for (var i = 0; i < CoverletMtp.NotUnderTest.Count; i++)
            values[$"{section}{CoverletMtp.Exclude}:{i}"] = CoverletMtp.NotUnderTest[i];
        return values;
    }
}
