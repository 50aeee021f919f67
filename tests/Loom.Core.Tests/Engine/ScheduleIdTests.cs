using System;
using Xunit;

namespace Loom.Tests.Engine;

public class ScheduleIdTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1@3")]
    [InlineData("1@3 0@5")]
    [InlineData("2@0 r1@4 1@9")]
    [InlineData("63@100000")]
    [InlineData("1@4 r1@4 0@6")]
    [InlineData("races:3fa2c1")]
    [InlineData("races:09bc00.3fa2c1 1@7 r1@9")]
    public void Canonical_ids_round_trip(string text)
    {
        var id = ScheduleId.Parse(text);

        Assert.Equal(text, id.ToString());
        Assert.Equal(id, ScheduleId.Parse(id.ToString()));
    }

    [Fact]
    public void The_version_prefix_is_accepted_and_dropped()
    {
        Assert.Equal("1@3 0@5", ScheduleId.Parse("v1:1@3 0@5").ToString());
        Assert.Equal(ScheduleId.Default, ScheduleId.Parse("v1:0"));
    }

    [Fact]
    public void The_default_schedule_has_no_decisions()
    {
        Assert.Empty(ScheduleId.Parse("0").Decisions);
        Assert.Equal("0", ScheduleId.Default.ToString());
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("v2:1@3", "format version 2")]
    [InlineData("vx:1@3", "version prefix")]
    [InlineData("1@", "is not of the form 'choice@step'")]
    [InlineData("@3", "is not of the form 'choice@step'")]
    [InlineData("13", "is not of the form 'choice@step'")]
    [InlineData("a@3", "'a' where a non-negative number was expected")]
    [InlineData("1@x", "step 'x'")]
    [InlineData("-1@3", "non-negative number")]
    [InlineData("64@3", "threads are numbered 0 to 63")]
    [InlineData("r0@3", "value 0, the default")]
    [InlineData("1@5 2@5", "steps must increase")]
    [InlineData("1@5 2@4", "steps must increase")]
    [InlineData("r1@5 1@5", "thread choice comes before the value choice")]
    [InlineData("r1@5 r2@5", "steps must increase")]
    [InlineData("races:3fa2c 1@3", "six hex digits each")]
    [InlineData("races:3fa2c1,09bc00 1@3", "dot-separated list")]
    [InlineData("races:zzzzzz", "six hex digits each")]
    [InlineData("races: 1@3", "six hex digits each")]
    public void Malformed_ids_are_rejected_with_a_message_that_names_the_problem(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => ScheduleId.Parse(text));

        Assert.Contains(expected, ex.Message);
        Assert.False(ScheduleId.TryParse(text, out _, out var error));
        Assert.Equal(ex.Message, error);
    }

    [Fact]
    public void Racing_locations_are_sorted_and_a_schedule_of_them_alone_takes_the_default_choices()
    {
        var id = ScheduleId.Parse("races:3fa2c1.09bc00 0");

        Assert.Equal([0x09bc00, 0x3fa2c1], id.Races);
        Assert.Empty(id.Decisions);
        Assert.Equal("races:09bc00.3fa2c1", id.ToString());
        Assert.NotEqual(ScheduleId.Default, id);
        Assert.Throws<ArgumentException>(() => new ScheduleId([], [0x1000000]));
    }

    [Fact]
    public void A_null_id_is_rejected()
    {
        Assert.False(ScheduleId.TryParse(null, out _, out var error));
        Assert.Contains("missing", error);
    }

    [Fact]
    public void Decisions_must_be_in_increasing_step_order_when_built_in_code()
    {
        Assert.Throws<ArgumentException>(() => new ScheduleId(new[]
        {
            new ScheduleDecision(5, ScheduleDecisionKind.Thread, 1),
            new ScheduleDecision(5, ScheduleDecisionKind.Thread, 2),
        }));
    }
}
