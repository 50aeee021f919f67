using System;

namespace Loom.Coverage.Collector;

/// <summary>The data collector URIs whose attachments the loom-coverage processor reads.</summary>
internal static class CollectorUris
{
    public const string LoomCoverage = "datacollector://Loom/Coverage/1.0";

    /// <summary>coverlet.collector's 'XPlat Code Coverage' collector, whose Cobertura report gives the line hits.</summary>
    public const string Coverlet = "datacollector://Microsoft/CoverletCodeCoverage/1.0";

    public static readonly Uri LoomCoverageUri = new(LoomCoverage);

    public static readonly Uri CoverletUri = new(Coverlet);
}
