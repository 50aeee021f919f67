using System;
using System.Linq;
using System.Reflection;
using Loom.Cases;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit.Tests.Adapter;

public sealed class DiscovererTests
{
    private static readonly XunitTestClass TestClass = new(
        typeof(DiscoveryModels),
        new XunitTestCollection(new XunitTestAssembly(typeof(DiscoveryModels).Assembly, null, null, null), null, false, "Loom adapter tests", null),
        null);

    private static IXunitTestCase[] Discover(string methodName)
    {
        var method = typeof(DiscoveryModels).GetMethod(methodName)!;
        var testMethod = new XunitTestMethod(TestClass, method, [], null);
        return new LoomTheoryDiscoverer().Discover(new DiscoveryOptions(), testMethod, method.GetCustomAttribute<LoomTheoryAttribute>()!).Result.ToArray();
    }

    private const string Prefix = "Loom.Xunit.Tests.Adapter.DiscoveryModels.";

    [Fact]
    public void A_seeded_theory_is_one_case_per_seed_with_its_trait()
    {
        var cases = Discover(nameof(DiscoveryModels.Seeded));

        Assert.Equal([$"{Prefix}Seeded [seed 5]", $"{Prefix}Seeded [seed 6]", $"{Prefix}Seeded [seed 7]"], cases.Select(c => c.TestCaseDisplayName));
        Assert.Equal(["5", "6", "7"], cases.Select(c => Assert.Single(c.Traits[LoomTraits.Seed])));
        Assert.All(cases, c => Assert.Equal("Random", Assert.Single(c.Traits[LoomTraits.Strategy])));
    }

    [Fact]
    public void An_exhaustive_theory_is_one_case_per_schedule_starting_with_the_default()
    {
        var cases = Discover(nameof(DiscoveryModels.Exhaustive)).Cast<LoomXunitTestCase>().ToArray();

        Assert.True(cases.Length >= 2);
        Assert.Equal($"{Prefix}Exhaustive [schedule 0]", cases[0].TestCaseDisplayName);
        Assert.All(cases, c => Assert.Equal(c.Case.Schedule, Assert.Single(c.Traits[LoomTraits.Schedule])));
    }

    [Fact]
    public void Unique_ids_are_stable_across_rediscovery_and_distinct()
    {
        var first = Discover(nameof(DiscoveryModels.Exhaustive)).Select(c => c.UniqueID).ToArray();
        var second = Discover(nameof(DiscoveryModels.Exhaustive)).Select(c => c.UniqueID).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(first.Length, first.Distinct().Count());
    }

    [Fact]
    public void Regression_cases_have_ids_that_sort_before_every_other_case()
    {
        var method = typeof(DiscoveryModels).GetMethod(nameof(DiscoveryModels.Exhaustive))!;
        var testMethod = new XunitTestMethod(TestClass, method, [], null);
        var regression = XunitCaseFactory.UniqueId(testMethod, LoomCase.ForSchedule("1@2", fromRegressions: true));
        var others = Discover(nameof(DiscoveryModels.Exhaustive)).Concat(Discover(nameof(DiscoveryModels.Seeded))).Select(c => c.UniqueID);

        Assert.All(others, id => Assert.True(string.CompareOrdinal(regression, id) < 0, $"{regression} does not sort before {id}"));
    }

    [Fact]
    public void A_grouped_theory_is_at_most_max_cases_groups()
    {
        var cases = Discover(nameof(DiscoveryModels.Grouped)).Cast<LoomXunitTestCase>().ToArray();

        Assert.InRange(cases.Length, 1, 2);
        Assert.All(cases, c => Assert.Equal(LoomCaseKind.ScheduleGroup, c.Case.Kind));
        Assert.Equal(cases[0].Case.Total, cases.Sum(c => c.Case.Schedules.Count));
    }

    [Fact]
    public void Cases_survive_serialization_as_a_runner_or_ide_carries_them()
    {
        foreach (var original in Discover(nameof(DiscoveryModels.Grouped)).Concat(Discover(nameof(DiscoveryModels.Seeded))).Cast<LoomXunitTestCase>())
        {
            var text = SerializationHelper.Instance.Serialize(original);
            var copy = Assert.IsType<LoomXunitTestCase>(SerializationHelper.Instance.Deserialize(text));

            Assert.Equal(original.UniqueID, copy.UniqueID);
            Assert.Equal(original.TestCaseDisplayName, copy.TestCaseDisplayName);
            Assert.Equal(original.Case.ToText(), copy.Case.ToText());
            Assert.Equal(original.Settings, copy.Settings);
            Assert.Equal(original.Identity, copy.Identity);
            Assert.Equal(original.Traits.Keys.Order(), copy.Traits.Keys.Order());
        }
    }

    [Theory]
    [InlineData(nameof(DiscoveryModels.Contradictory), "Seeds applies to the Random and Pct strategies")]
    [InlineData(nameof(DiscoveryModels.Takes_a_parameter), "the method takes parameters")]
    [InlineData(nameof(DiscoveryModels.Async_void), "async void cannot be awaited")]
    public void Invalid_theories_become_one_failing_case_that_names_the_method_and_the_problem(string methodName, string problem)
    {
        var only = Assert.IsType<ExecutionErrorTestCase>(Assert.Single(Discover(methodName)));

        Assert.Equal(Prefix + methodName, only.TestCaseDisplayName);
        Assert.Contains(problem, only.ErrorMessage);
        Assert.Contains("DiscoveryModels." + methodName, only.ErrorMessage);
    }

    [Fact]
    public void A_skipped_theory_is_not_run_to_list_its_schedules()
    {
        var only = Assert.IsType<LoomXunitTestCase>(Assert.Single(Discover(nameof(DiscoveryModels.Skipped))));

        Assert.Equal("not written yet", only.SkipReason);
        Assert.Equal(LoomCaseKind.FullExploration, only.Case.Kind);
    }

    [Fact]
    public void A_class_discovery_cannot_build_gets_one_case_for_the_whole_space()
    {
        var only = Assert.IsType<LoomXunitTestCase>(Assert.Single(Discover(nameof(DiscoveryModels.Needs_an_instance_of_an_abstract_class))));

        Assert.Equal(LoomCaseKind.FullExploration, only.Case.Kind);
        Assert.EndsWith("[all schedules]", only.TestCaseDisplayName);
    }
}
