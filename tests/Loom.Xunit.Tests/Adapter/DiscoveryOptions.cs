using Xunit.Sdk;

namespace Loom.Xunit.Tests.Adapter;

/// <summary>Discovery options with every value at its default, as a runner with no configuration passes them.</summary>
public sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
{
    public TValue? GetValue<TValue>(string name) => default;

    public void SetValue<TValue>(string name, TValue value)
    {
    }

    public string ToJson() => "{}";
}
