extern alias LoomXunit;

using System;
using System.Linq;
using System.Reflection;
using Loom.Cases;
using Xunit;

namespace Loom.Adapters.Tests.Cases;

/// <summary>The three [LoomTheory] attributes offer the same Loom options, with the same types and defaults.</summary>
public sealed class AttributeSurfaceTests
{
    private static readonly Type[] Attributes =
    [
        typeof(LoomXunit::Loom.Xunit.LoomTheoryAttribute),
        typeof(Loom.NUnit.LoomTheoryAttribute),
        typeof(Loom.MSTest.LoomTheoryAttribute),
    ];

    private static Attribute Create(Type type)
    {
        var constructor = type.GetConstructors().Single();
        return (Attribute)constructor.Invoke(constructor.GetParameters().Select(p => p.DefaultValue).ToArray());
    }

    [Fact]
    public void Every_attribute_declares_the_same_settable_options()
    {
        var surfaces = Attributes
            .Select(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.CanWrite)
                .Select(p => $"{p.Name}: {p.PropertyType.Name}")
                .Order(StringComparer.Ordinal)
                .ToList())
            .ToList();

        Assert.Contains("StallTimeoutSeconds: Int32", surfaces[0]);
        Assert.Equal(surfaces[0], surfaces[1]);
        Assert.Equal(surfaces[0], surfaces[2]);
    }

    [Fact]
    public void The_stall_timeout_defaults_to_the_engine_default_and_is_an_ILoomTheoryAttribute()
    {
        foreach (var type in Attributes)
        {
            var attribute = Create(type);
            Assert.Equal(LoomTheorySettings.DefaultStallTimeoutSeconds, type.GetProperty("StallTimeoutSeconds")!.GetValue(attribute));
            Assert.Equal(new LoomOptions().StallTimeout, TimeSpan.FromSeconds(LoomTheorySettings.DefaultStallTimeoutSeconds));
            Assert.IsAssignableFrom<ILoomTheoryAttribute>(attribute);
        }
    }
}
