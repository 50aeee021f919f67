using System.Linq;
using System.Reflection;
using Loom.Cases;
using Loom.MSTest;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Xunit;

namespace Loom.Adapters.Tests.MSTest;

public sealed class MSTestDataSourceTests
{
    private static (LoomTheoryAttribute Attribute, TestDataRow<string>[] Rows) Rows<T>(string methodName)
    {
        var method = typeof(T).GetMethod(methodName)!;
        var attribute = method.GetCustomAttribute<LoomTheoryAttribute>()!;
        return (attribute, attribute.GetData(method).Select(row => Xunit.Assert.IsType<TestDataRow<string>>(Xunit.Assert.Single(row))).ToArray());
    }

    [Fact]
    public void The_attribute_unfolds_its_rows_whatever_the_runs_default()
    {
        var (attribute, _) = Rows<MSTestModels>(nameof(MSTestModels.Seeded));

        Xunit.Assert.Equal(TestDataSourceUnfoldingStrategy.Unfold, attribute.UnfoldingStrategy);
    }

    [Fact]
    public void An_exhaustive_theory_is_one_row_per_schedule_listed_with_initialize_and_test_context()
    {
        var (_, rows) = Rows<MSTestModels>(nameof(MSTestModels.Exhaustive));

        // The body asserts [TestInitialize] ran and a TestContext was set: without them the listing would stop early.
        Xunit.Assert.True(rows.Length >= 2);
        Xunit.Assert.Equal("Exhaustive [schedule 0]", rows[0].DisplayName);
        Xunit.Assert.All(rows, r => Xunit.Assert.Contains(r.TestCategories!, c => c.StartsWith("LoomSchedule:", System.StringComparison.Ordinal)));
        Xunit.Assert.Equal(rows.Select(r => LoomCase.Parse(r.Value).Key).Distinct().Count(), rows.Length);
    }

    [Fact]
    public void Rows_come_in_the_same_order_on_every_discovery()
    {
        var first = Rows<MSTestModels>(nameof(MSTestModels.Exhaustive)).Rows.Select(r => r.Value);
        var second = Rows<MSTestModels>(nameof(MSTestModels.Exhaustive)).Rows.Select(r => r.Value);

        Xunit.Assert.Equal(first, second);
    }

    [Fact]
    public void A_seeded_theory_is_one_row_per_seed_with_its_category()
    {
        var (_, rows) = Rows<MSTestModels>(nameof(MSTestModels.Seeded));

        Xunit.Assert.Equal(["Seeded [seed 5]", "Seeded [seed 6]", "Seeded [seed 7]"], rows.Select(r => r.DisplayName));
        Xunit.Assert.Equal(["LoomStrategy:Pct", "LoomSeed:5"], rows[0].TestCategories);
    }

    [Fact]
    public void Invalid_options_are_one_row_that_fails_with_the_problem()
    {
        var (_, rows) = Rows<MSTestModels>(nameof(MSTestModels.Contradictory));

        var only = Xunit.Assert.Single(rows);
        Xunit.Assert.Equal("Contradictory", only.DisplayName);
        Xunit.Assert.Contains("Seeds applies to the Random and Pct strategies", LoomCase.Parse(only.Value).Problem);
    }

    [Theory]
    [InlineData(nameof(MSTestModels.Unknown_strategy), "Strategy = 42 is not a LoomStrategy; use LoomStrategy.Exhaustive, LoomStrategy.Random, LoomStrategy.Pct.")]
    [InlineData(nameof(MSTestModels.No_stall_timeout), "StallTimeoutSeconds = 0 is not positive")]
    public void An_unknown_strategy_or_a_stall_timeout_below_one_second_is_one_row_naming_it(string methodName, string problem)
    {
        var (_, rows) = Rows<MSTestModels>(methodName);

        Xunit.Assert.Contains(problem, LoomCase.Parse(Xunit.Assert.Single(rows).Value).Problem);
    }

    [Fact]
    public void A_class_with_class_initialize_is_one_row_for_the_whole_space()
    {
        var (_, rows) = Rows<MSTestClassInitializeModels>(nameof(MSTestClassInitializeModels.Needs_class_initialize));

        Xunit.Assert.Equal("Needs_class_initialize [all schedules]", Xunit.Assert.Single(rows).DisplayName);
    }

    [Fact]
    public void A_theory_with_no_case_in_this_shard_is_one_ignored_row_since_MSTest_fails_an_empty_data_source()
    {
        var rows = MSTestCaseSource.RowsFor([], "Exhaustive", new LoomTheorySettings()).ToArray();

        var row = Xunit.Assert.IsType<TestDataRow<string>>(Xunit.Assert.Single(Xunit.Assert.Single(rows)));
        Xunit.Assert.StartsWith("Exhaustive [not in shard", row.DisplayName, System.StringComparison.Ordinal);
        Xunit.Assert.Contains("LOOM_SHARD", row.IgnoreMessage, System.StringComparison.Ordinal);
        Xunit.Assert.Equal(LoomCaseKind.Invalid, LoomCase.Parse(row.Value).Kind);
    }
}
