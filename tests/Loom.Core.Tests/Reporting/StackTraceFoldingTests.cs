using System;
using System.Linq;
using Loom.Cases;
using Loom.Interception;
using Loom.Reporting;
using Xunit;

namespace Loom.Core.Tests.Reporting;

/// <summary>
/// A runaway recursion's stack trace is folded wherever Loom prints it, so one failing case prints a few lines instead
/// of every one of the hundreds of thousands of frames the stack guard's exception carries.
/// </summary>
public class StackTraceFoldingTests
{
    private const string Top = "   at Loom.Interception.StackGuard.Enter(String method)";
    private const string Frame = "   at Deep.Down(Int32 depth) in /src/Deep.cs:line 7";
    private const string Bottom = "   at Deep.Start() in /src/Deep.cs:line 3";

    [Fact]
    public void A_frame_repeated_ten_thousand_times_is_printed_once_with_its_count()
    {
        var trace = string.Join('\n', new[] { Top }.Concat(Enumerable.Repeat(Frame, 10_000)).Append(Bottom));

        var folded = StackTraceFolding.Fold(trace);

        Assert.Equal(
            [Top, Frame, "   ... the frame above repeats 9,999 more times (Loom folded them) ...", Bottom],
            folded!.Split('\n'));
    }

    [Fact]
    public void A_mutual_recursion_folds_its_whole_cycle()
    {
        var cycle = new[] { "   at Parity.IsOdd(Int32 n)", "   at Parity.IsEven(Int32 n)" };
        var trace = string.Join('\n', Enumerable.Repeat(cycle, 500).SelectMany(c => c).Append(Bottom));

        var folded = StackTraceFolding.Fold(trace);

        Assert.Equal([cycle[0], cycle[1], "   ... the 2 frames above repeat 499 more times (Loom folded them) ...", Bottom], folded!.Split('\n'));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void A_trace_with_no_long_repeat_is_left_as_it_is(int repeats)
    {
        var trace = string.Join('\n', new[] { Top }.Concat(Enumerable.Repeat(Frame, repeats)).Append(Bottom));

        Assert.Same(trace, StackTraceFolding.Fold(trace));
        Assert.Null(StackTraceFolding.Fold(null));
        Assert.Same("", StackTraceFolding.Fold(""));
    }

    [Fact]
    public void The_stack_guards_exception_is_folded_in_the_report_and_not_handed_to_the_runner_whole()
    {
        var result = LoomModel.Explore(() => Down(0));

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        var thrown = Assert.IsType<InsufficientExecutionStackException>(failure.Exception);
        Assert.True(thrown.StackTrace!.Split('\n').Length > 1_000, "the guard should stop a deep recursion");
        Assert.Matches(@"\.\.\. the frame above repeats [\d,]+ more times \(Loom folded them\) \.\.\.", failure.Report);
        Assert.InRange(failure.Report.Split('\n').Length, 1, 200);

        var outcome = Outcome(failure);
        Assert.Null(outcome.Thrown);
        Assert.InRange(outcome.ThrownStackTrace!.Split('\n').Length, 1, 50);
    }

    [Fact]
    public void An_ordinary_exception_is_handed_to_the_runner_as_it_was_thrown()
    {
        var result = LoomModel.Explore(() => throw new InvalidOperationException("plain"));

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        var outcome = Outcome(failure);
        Assert.Same(failure.Exception, outcome.Thrown);
        Assert.Equal(failure.Exception!.StackTrace, outcome.ThrownStackTrace);
    }

    private static CaseOutcome Outcome(LoomFailure failure)
    {
        var loomCase = LoomCase.ForSchedule("0");
        return new CaseOutcome(loomCase, [new CaseFailure(failure, loomCase, null)], [], null, null, null);
    }

    // What the rewriter makes of a method on a call cycle: the guard on entry.
    private static int Down(int depth)
    {
        StackGuard.Enter("Deep.Down");
        return Down(depth + 1) + 1;
    }
}
