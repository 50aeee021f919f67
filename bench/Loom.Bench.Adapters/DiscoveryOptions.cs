using Xunit.Sdk;

namespace Loom.Bench.Adapters;

/// <summary>Discovery options with every value at its default.</summary>
public sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
{
    public TValue? GetValue<TValue>(string name) => default;

    public void SetValue<TValue>(string name, TValue value)
    {
    }

    public string ToJson() => "{}";
}
