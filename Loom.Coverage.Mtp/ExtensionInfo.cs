namespace Loom.Coverage.Mtp;

/// <summary>How the extension names itself to the platform.</summary>
internal static class ExtensionInfo
{
    public const string Uid = "LoomCoverage";

    public const string Version = "0.1.0";

    public const string DisplayName = "Loom coverage";

    public const string Description = "Reports which atomic, synchronization, time, random, IO and retry sites the Loom tests reached.";
}
