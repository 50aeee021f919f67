extern alias LoomXunit;

using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Loom.Threading;
using Xunit;

namespace Loom.Adapters.Tests.Cases;

/// <summary>The attribute a failure report suggests for replaying a seed must be one the adapters really have.</summary>
public sealed class ReplayHintTests
{
    private static readonly Type[] Attributes =
    [
        typeof(LoomXunit::Loom.Xunit.LoomTheoryAttribute),
        typeof(Loom.NUnit.LoomTheoryAttribute),
        typeof(Loom.MSTest.LoomTheoryAttribute),
    ];

    [Theory]
    [InlineData(LoomStrategy.Random)]
    [InlineData(LoomStrategy.Pct)]
    public void The_suggested_attribute_names_only_properties_every_LoomTheory_has_and_replays_the_seed(LoomStrategy strategy)
    {
        var failure = LoomModel.Explore(LostUpdate, new LoomOptions { Strategy = strategy, Iterations = 500 }).Failure;
        Assert.NotNull(failure);
        Assert.NotNull(failure.Seed);

        var hints = Regex.Matches(failure.Report, @"\[LoomTheory\((?<args>[^\]]*)\)\]").Select(m => m.Groups["args"].Value).ToList();
        Assert.NotEmpty(hints);
        var seedHint = Assert.Single(hints, h => h.Contains("FirstSeed", StringComparison.Ordinal));
        foreach (var hint in hints)
        {
            foreach (var type in Attributes)
                Apply(type, hint);
        }

        // The seed hint, set on a real attribute, replays the same failing seed.
        var attribute = (LoomXunit::Loom.Xunit.LoomTheoryAttribute)Apply(typeof(LoomXunit::Loom.Xunit.LoomTheoryAttribute), seedHint);
        Assert.Equal(strategy, attribute.Strategy);
        Assert.Equal(failure.Seed, attribute.FirstSeed);
        Assert.Equal(1, attribute.Seeds);
        var replay = LoomModel.Explore(LostUpdate, new LoomOptions
        {
            Strategy = attribute.Strategy,
            Seed = attribute.FirstSeed,
            Iterations = attribute.Seeds,
            PctDepth = attribute.PctDepth,
        });
        Assert.Equal(failure.ScheduleId, replay.Failure?.ScheduleId);
    }

    [Fact]
    public void An_exhaustive_failure_suggests_its_schedule_alone()
    {
        var failure = LoomModel.Explore(LostUpdate).Failure;
        Assert.NotNull(failure);

        var hint = Assert.Single(Regex.Matches(failure.Report, @"\[LoomTheory\((?<args>[^\]]*)\)\]")).Groups["args"].Value;
        Assert.Equal($"Schedule = \"{failure.ScheduleId}\"", hint);
        foreach (var type in Attributes)
            Apply(type, hint);
    }

    // Sets every "Name = value" of the hint on a new attribute, as the compiler would: each must be a settable property.
    private static Attribute Apply(Type attributeType, string arguments)
    {
        var constructor = attributeType.GetConstructors().Single();
        var attribute = (Attribute)constructor.Invoke(constructor.GetParameters().Select(p => p.DefaultValue).ToArray());
        foreach (Match argument in Regex.Matches(arguments, @"(?<name>\w+) = (?<value>""[^""]*""|[\w.]+)"))
        {
            var name = argument.Groups["name"].Value;
            var property = attributeType.GetProperty(name);
            Assert.True(property is { CanWrite: true }, $"{attributeType.FullName} has no settable property {name} (hint: {arguments}).");
            property.SetValue(attribute, Parse(property.PropertyType, argument.Groups["value"].Value));
        }
        return attribute;
    }

    private static object Parse(Type type, string value) =>
        type == typeof(string) ? value.Trim('"')
        : type.IsEnum ? Enum.Parse(type, value[(value.LastIndexOf('.') + 1)..])
        : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);

    private static void LostUpdate()
    {
        var value = 0;
        var t1 = new Thread(() => Interlocked.Exchange(ref value, Interlocked.CompareExchange(ref value, 0, 0) + 1));
        t1.Start();
        Interlocked.Exchange(ref value, Interlocked.CompareExchange(ref value, 0, 0) + 1);
        t1.Join();
        if (value != 2)
            throw new InvalidOperationException($"expected 2 increments, counted {value}");
    }
}
