using Loom.Cases;
using Xunit;

namespace Loom.Tests.Cases;

public sealed class CaseShardTests
{
    private static readonly MethodIdentity Counter = new("MyApp.Tests.CounterTests", "Increments", null);
    private static readonly MethodIdentity Queue = new("MyApp.Tests.QueueTests", "Drains", null);
    private static readonly MethodIdentity Cache = new("MyApp.Tests.CacheTests", "Evicts", null);

    private static Func<ScheduleListing> Listing(int count, bool complete = true) =>
        () => new ScheduleListing(Enumerable.Range(0, count).Select(i => i == 0 ? "0" : $"1@{i} 0@{i + 1}").ToArray(), complete, complete ? null : "too many");

    private static Func<ScheduleListing> MustNotList => () => throw new InvalidOperationException("listing was not needed");

    /// <summary>Theories of every shape: many schedules, groups with a continuation, seeds, a problem.</summary>
    private static IEnumerable<(MethodIdentity Method, IReadOnlyList<LoomCase> Cases)> Theories()
    {
        yield return (Counter, CasePlanner.Plan(Counter, new LoomTheorySettings(), null, Listing(40)));
        yield return (Queue, CasePlanner.Plan(Queue, new LoomTheorySettings { MaxCases = 10 }, null, Listing(95, complete: false)));
        yield return (Cache, CasePlanner.Plan(Cache, new LoomTheorySettings { Strategy = LoomStrategy.Pct, Seeds = 30 }, null, MustNotList));
        var invalid = new MethodIdentity("MyApp.Tests.CacheTests", "Broken", null);
        yield return (invalid, CasePlanner.Plan(invalid, new LoomTheorySettings { Seeds = -1, Strategy = LoomStrategy.Random }, null, MustNotList));
    }

    [Fact]
    public void Every_case_of_every_theory_is_in_exactly_one_of_three_shards_and_their_union_is_the_whole()
    {
        foreach (var (method, cases) in Theories())
        {
            var shards = Enumerable.Range(1, 3).Select(i => CaseShard.Apply($"{i}/3", method, cases)).ToArray();

            var listed = shards.SelectMany(s => s).Select(c => c.Key).ToList();
            Assert.Equal(cases.Select(c => c.Key).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
            Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
            if (cases.Count >= 30)
                Assert.All(shards, s => Assert.NotEmpty(s));
        }
    }

    [Fact]
    public void A_shard_keeps_its_cases_in_run_order()
    {
        var (method, cases) = Theories().First();
        var shard = CaseShard.Apply("2/3", method, cases);

        var positions = shard.Select(c => cases.ToList().FindIndex(all => all.Key == c.Key)).ToArray();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Problem_cases_are_listed_in_shard_one_only()
    {
        var (method, cases) = Theories().Last();
        var problem = Assert.Single(cases);
        Assert.Equal(LoomCaseKind.Invalid, problem.Kind);

        Assert.Same(problem, Assert.Single(CaseShard.Apply("1/3", method, cases)));
        Assert.Empty(CaseShard.Apply("2/3", method, cases));
        Assert.Empty(CaseShard.Apply("3/3", method, cases));
    }

    [Fact]
    public void Regression_cases_are_sharded_like_the_others()
    {
        var regressions = RegressionFile.Parse(
            "/src/CounterTests.regressions",
            Enumerable.Range(1, 12).Select(i => $"MyApp.Tests.CounterTests.Increments schedule 1@{i + 50}").ToArray());
        var cases = CasePlanner.Plan(Counter, new LoomTheorySettings(), regressions, Listing(20));
        Assert.Equal(12, cases.Count(c => c.FromRegressions));

        var shards = Enumerable.Range(1, 3).Select(i => CaseShard.Apply($"{i}/3", Counter, cases).Where(c => c.FromRegressions).ToArray()).ToArray();
        Assert.Equal(12, shards.Sum(s => s.Length));
        Assert.True(shards.Count(s => s.Length > 0) > 1, "regressions all landed in one shard");
    }

    [Fact]
    public void The_shard_of_a_case_depends_only_on_its_method_and_key()
    {
        // Fixed expectations (SHA-256 of "method key\ncase key", first 8 bytes little-endian, mod n, plus 1): the
        // shard must be the same in every process and on every machine.
        Assert.Equal(
            CaseShard.ShardOf(Counter, LoomCase.ForSchedule("1@3 0@5"), 7),
            CaseShard.ShardOf(new MethodIdentity("MyApp.Tests.CounterTests", "Increments", "/elsewhere/CounterTests.cs"), LoomCase.ForSchedule("1@3_0@5"), 7));
        var shardsOfSeeds = Enumerable.Range(0, 8).Select(s => CaseShard.ShardOf(Counter, LoomCase.ForSeed(s), 3)).ToArray();
        Assert.Equal(ExpectedShardsOfSeeds, shardsOfSeeds);
    }

    private static readonly int[] ExpectedShardsOfSeeds = [1, 1, 3, 1, 3, 3, 1, 2];

    [Fact]
    public void No_setting_lists_every_case()
    {
        var (method, cases) = Theories().First();
        Assert.Same(cases, CaseShard.Apply(null, method, cases));
        Assert.Same(cases, CaseShard.Apply("  ", method, cases));
        Assert.Equal(cases.Select(c => c.Key), CaseShard.Apply("1/1", method, cases).Select(c => c.Key));
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("3")]
    [InlineData("1/3/5")]
    [InlineData("one/three")]
    [InlineData("-1/3")]
    [InlineData("1-3")]
    public void A_malformed_setting_lists_one_failing_case_that_says_what_is_wrong(string setting)
    {
        var (method, cases) = Theories().First();

        var problem = Assert.Single(CaseShard.Apply(setting, method, cases));

        Assert.Equal(LoomCaseKind.Invalid, problem.Kind);
        Assert.Contains($"LOOM_SHARD is '{setting}'", problem.Problem);
        Assert.Contains("1-based", problem.Problem);
        Assert.Contains("CounterTests.Increments", problem.Problem);
    }

    [Fact]
    public void Well_formed_settings_parse_one_based()
    {
        Assert.True(CaseShard.TryParse(" 2 / 5 ", out var shard, out var problem));
        Assert.Null(problem);
        Assert.Equal((2, 5), (shard!.Index, shard.Count));
        Assert.Equal("2/5", shard.ToString());
    }
}
