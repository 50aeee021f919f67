namespace Loom.Coverage.Recording;

/// <summary>
/// Lets a coverage host that runs inside the test process (the Microsoft.Testing.Platform extension) make sure
/// Loom's record of controlled sites is on disk before it builds the report. The VSTest collector needs none of
/// this: the record is written while the tests run (a newly reached line within milliseconds) and at the test
/// process's exit.
/// </summary>
public static class CoverageRecording
{
    /// <summary>The environment variable that turns the record on, naming the folder it is written to.</summary>
    public const string DirectoryVariable = ControlledSiteLog.DirectoryVariable;

    /// <summary>Whether this process records the sites Loom controls (<see cref="DirectoryVariable"/> was set when Loom first ran).</summary>
    public static bool IsRecording => ControlledSiteLog.Enabled;

    /// <summary>Writes the record now, if anything was recorded since it was last written.</summary>
    public static void Flush() => ControlledSiteLog.Flush();
}
