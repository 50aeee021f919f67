using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.Cases;

public sealed class LoomCaseTests
{
    private const string Method = "CounterTests.Increments_are_not_lost";

    [Fact]
    public void Display_names_carry_the_schedule_or_seed()
    {
        Assert.Equal($"{Method} [schedule 1@3 0@5]", LoomCase.ForSchedule("1@3 0@5").DisplayName(Method));
        Assert.Equal($"{Method} [schedule 0]", LoomCase.ForSchedule("0").DisplayName(Method));
        Assert.Equal($"{Method} [seed 17]", LoomCase.ForSeed(17).DisplayName(Method));
        Assert.Equal($"{Method} [schedules 5-8 of 11]", LoomCase.ForGroup(["a@1", "b@2", "c@3", "d@4"], 5, 11).DisplayName(Method));
        Assert.Equal($"{Method} [schedules after 10000]", LoomCase.ForContinuedExploration(10_000).DisplayName(Method));
        Assert.Equal($"{Method} [all schedules]", LoomCase.ForFullExploration("why").DisplayName(Method));
        Assert.Equal($"{Method} [schedule 2@4] (regression)", LoomCase.ForSchedule("2@4", fromRegressions: true).DisplayName(Method));
        Assert.Equal(Method, LoomCase.ForProblem("bad").DisplayName(Method));
        Assert.Equal($"{Method} [regressions line 3]", LoomCase.ForProblem("bad", "regressions line 3").DisplayName(Method));
    }

    [Fact]
    public void Schedule_ids_are_shown_in_canonical_form() =>
        Assert.Equal("schedule 1@3 0@5", LoomCase.ForSchedule("v1:  1@3   0@5 ").Label);

    [Fact]
    public void Traits_name_the_schedule_seed_group_and_regression()
    {
        Assert.Equal(
            [("LoomStrategy", "Exhaustive"), ("LoomSchedule", "1@3 0@5")],
            LoomCase.ForSchedule("1@3 0@5").Traits(LoomStrategy.Exhaustive).Select(t => (t.Key, t.Value)));
        Assert.Equal(
            [("LoomStrategy", "Pct"), ("LoomSeed", "17"), ("LoomRegression", "true")],
            LoomCase.ForSeed(17, fromRegressions: true).Traits(LoomStrategy.Pct).Select(t => (t.Key, t.Value)));
        Assert.Contains(("LoomGroup", "1-2"), LoomCase.ForGroup(["0", "1@2"], 1, 4).Traits(LoomStrategy.Exhaustive).Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public void Keys_differ_between_cases_and_between_a_case_and_its_regression()
    {
        var keys = new[]
        {
            LoomCase.ForSchedule("0"), LoomCase.ForSchedule("1@2"), LoomCase.ForSeed(0), LoomCase.ForSeed(1),
            LoomCase.ForGroup(["0"], 1, 2), LoomCase.ForGroup(["1@2"], 2, 2), LoomCase.ForContinuedExploration(2),
            LoomCase.ForFullExploration("x"), LoomCase.ForSchedule("0", fromRegressions: true),
        }.Select(c => c.Key).ToArray();

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Every_kind_round_trips_through_its_text_form()
    {
        var cases = new[]
        {
            LoomCase.ForSchedule("1@3 r2@5"), LoomCase.ForSeed(long.MaxValue, fromRegressions: true),
            LoomCase.ForGroup(["0", "1@3 0@5", "2@1"], 4, 9), LoomCase.ForContinuedExploration(10_000),
            LoomCase.ForFullExploration("the constructor takes parameters; see = and % and ;"),
            LoomCase.ForProblem("line 3: 'a;b=c%' is wrong\nsecond line", "regressions line 3"),
        };

        foreach (var original in cases)
        {
            var copy = LoomCase.Parse(original.ToText());
            Assert.Equal(original.ToText(), copy.ToText());
            Assert.Equal(original.Key, copy.Key);
            Assert.Equal(original.DisplayName("M"), copy.DisplayName("M"));
            Assert.Equal(original.Schedules, copy.Schedules);
        }
    }

    [Fact]
    public void Malformed_case_text_is_rejected() =>
        Assert.Throws<System.FormatException>(() => LoomCase.Parse("kind=Nonsense"));
}
