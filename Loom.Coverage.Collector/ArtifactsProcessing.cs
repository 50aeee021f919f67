using System;
using System.IO;
using System.Linq;

namespace Loom.Coverage.Collector;

/// <summary>
/// Tells whether the test platform (vstest.console) runs in "collect" mode, which <c>dotnet test</c> uses for each
/// test project: attachments are then processed again, for all projects together, by a later post-processing run.
/// </summary>
internal static class ArtifactsProcessing
{
    private const string CollectSwitch = "--artifactsProcessingMode-collect";

    public static bool IsCollectOnlyPass()
    {
        foreach (var argument in Environment.GetCommandLineArgs())
        {
            if (argument.Equals(CollectSwitch, StringComparison.OrdinalIgnoreCase))
                return true;
            if (argument.StartsWith('@') && ResponseFileHasSwitch(argument[1..]))
                return true;
        }
        return false;
    }

    private static bool ResponseFileHasSwitch(string path)
    {
        try
        {
            return File.Exists(path) && File.ReadLines(path).Any(line => line.Contains(CollectSwitch, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
