using System;
using System.Collections.Generic;
using System.Xml;

namespace Loom.Coverage.Collector;

/// <summary>
/// Reads the collector's settings from the run settings:
/// <code>
/// &lt;DataCollector friendlyName="loom-coverage"&gt;
///   &lt;Configuration&gt;&lt;ExcludeAssemblies&gt;MyApp.Generated;MyApp.Migrations&lt;/ExcludeAssemblies&gt;&lt;/Configuration&gt;
/// &lt;/DataCollector&gt;
/// </code>
/// </summary>
internal static class CollectorSettings
{
    public static IEnumerable<string> ExcludeAssemblies(XmlElement? configuration)
    {
        var text = configuration?["ExcludeAssemblies"]?.InnerText;
        return string.IsNullOrWhiteSpace(text) ? [] : text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
