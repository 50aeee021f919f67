using System.Linq;
using Loom.Cases;
using Loom.NUnit;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Xunit;

namespace Loom.Adapters.Tests.NUnit;

public sealed class NUnitBuilderTests
{
    private static TestMethod[] Build<T>(string methodName)
    {
        var method = new MethodWrapper(typeof(T), methodName);
        var attribute = method.GetCustomAttributes<LoomTheoryAttribute>(false).Single();
        return attribute.BuildFrom(method, null).ToArray();
    }

    [Fact]
    public void An_exhaustive_theory_is_one_test_per_schedule_run_with_its_set_up_at_discovery()
    {
        var tests = Build<NUnitModels>(nameof(NUnitModels.Exhaustive));

        // The body asserts that [SetUp] ran for it: without it the listing would stop at the first schedule.
        Assert.True(tests.Length >= 2);
        Assert.Equal("Exhaustive(schedule 0)", tests[0].Name);
        Assert.Equal("Loom.Adapters.Tests.NUnit.NUnitModels.Exhaustive(schedule 0)", tests[0].FullName);
        Assert.All(tests, t => Assert.Equal(RunState.Runnable, t.RunState));
        Assert.All(tests, t => Assert.DoesNotContain(' ', (string)t.Properties.Get(LoomTraits.Schedule)!));
        Assert.All(tests, t => Assert.Equal("Exhaustive", t.Properties.Get(LoomTraits.Strategy)));
    }

    [Fact]
    public void A_seeded_theory_is_one_test_per_seed_with_its_property()
    {
        var tests = Build<NUnitModels>(nameof(NUnitModels.Seeded));

        Assert.Equal(["Seeded(seed 5)", "Seeded(seed 6)", "Seeded(seed 7)"], tests.Select(t => t.Name));
        Assert.Equal(["5", "6", "7"], tests.Select(t => (string)t.Properties.Get(LoomTraits.Seed)!));
    }

    [Theory]
    [InlineData(nameof(NUnitModels.Contradictory), "Seeds applies to the Random and Pct strategies")]
    [InlineData(nameof(NUnitModels.Takes_a_parameter), "the method takes parameters")]
    [InlineData(nameof(NUnitModels.Unknown_strategy), "Strategy = 42 is not a LoomStrategy; use LoomStrategy.Exhaustive, LoomStrategy.Random, LoomStrategy.Pct.")]
    [InlineData(nameof(NUnitModels.No_stall_timeout), "StallTimeoutSeconds = 0 is not positive")]
    public void Invalid_theories_become_one_non_runnable_test_that_names_the_problem(string methodName, string problem)
    {
        var only = Assert.Single(Build<NUnitModels>(methodName));

        Assert.Equal(methodName, only.Name);
        Assert.Equal(RunState.NotRunnable, only.RunState);
        Assert.Contains(problem, (string)only.Properties.Get(PropertyNames.SkipReason)!);
    }

    [Fact]
    public void An_ignored_theory_is_not_run_to_list_its_schedules()
    {
        var only = Assert.Single(Build<NUnitModels>(nameof(NUnitModels.Ignored)));

        Assert.Equal("Ignored(all schedules)", only.Name);
    }

    [Fact]
    public void A_fixture_with_one_time_set_up_is_one_test_for_the_whole_space()
    {
        var only = Assert.Single(Build<NUnitOneTimeSetUpModels>(nameof(NUnitOneTimeSetUpModels.Needs_one_time_set_up)));

        Assert.Equal("Needs_one_time_set_up(all schedules)", only.Name);
    }

    [Fact]
    public void A_theory_with_no_case_in_this_shard_is_one_ignored_test_not_a_plain_run_outside_Loom()
    {
        var method = new MethodWrapper(typeof(NUnitModels), nameof(NUnitModels.Exhaustive));

        var test = Assert.Single(NUnitCaseBuilder.BuildTests([], new LoomTheorySettings(), method, null));

        Assert.Equal(RunState.Ignored, test.RunState);
        Assert.StartsWith("Exhaustive(not in shard", test.Name, System.StringComparison.Ordinal);
        Assert.Contains("LOOM_SHARD", (string)test.Properties.Get(PropertyNames.SkipReason)!, System.StringComparison.Ordinal);
    }
}
