using System.IO;
using System.Linq;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.Cases;

public sealed class RegressionFileTests
{
    private const string Method = "MyApp.Tests.CounterTests.Increments_are_not_lost";

    [Fact]
    public void The_file_sits_beside_the_test_source() =>
        Assert.Equal(Path.Combine("src", "tests", "CounterTests.loom-regressions"), RegressionFile.PathFor(Path.Combine("src", "tests", "CounterTests.cs")));

    [Fact]
    public void Entries_comments_and_blank_lines_are_read_with_their_line_numbers()
    {
        var contents = RegressionFile.Parse("r", [
            "# Loom regressions, format 1. whatever",
            "",
            $"{Method} schedule 1@3 0@5 # Exception: lost update (2025-01-01)",
            "   # an indented comment",
            $"MyApp.Tests.LeaseTests.Renewal seed 17",
        ]);

        Assert.Empty(contents.Problems);
        Assert.Equal([new RegressionEntry(Method, "1@3 0@5", null, 3), new RegressionEntry("MyApp.Tests.LeaseTests.Renewal", null, 17, 5)], contents.Entries);
        Assert.Equal([contents.Entries[0]], contents.For(Method));
    }

    [Theory]
    [InlineData($"{Method} schedule 1@x", "the schedule does not parse")]
    [InlineData($"{Method} seed -4", "'-4' is not a seed")]
    [InlineData($"{Method} schedul 1@2", "'schedul' should be 'schedule' or 'seed'")]
    [InlineData($"{Method}", "no schedule or seed")]
    public void A_malformed_line_that_names_a_method_is_reported_for_that_method(string line, string reason)
    {
        var contents = RegressionFile.Parse("r", ["# comment", line]);

        var problem = Assert.Single(contents.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(reason, problem.Reason);
        Assert.Equal(Method, problem.MethodKey);
        Assert.Single(contents.ProblemsFor(Method));
        Assert.Empty(contents.ProblemsFor("Other.Class.Method"));
    }

    [Fact]
    public void A_line_too_malformed_to_name_a_method_concerns_every_method()
    {
        var contents = RegressionFile.Parse("r", ["garbage here"]);

        var problem = Assert.Single(contents.Problems);
        Assert.Null(problem.MethodKey);
        Assert.Single(contents.ProblemsFor("Any.Class.Method"));
    }

    [Fact]
    public void A_future_format_is_reported_not_misread() =>
        Assert.Contains("format '2'", Assert.Single(RegressionFile.Parse("r", ["# Loom regressions, format 2."]).Problems).Reason);

    [Fact]
    public void Append_creates_the_file_with_its_header_and_reads_back()
    {
        using var temp = new TempDirectory();
        var path = temp.File("CounterTests.loom-regressions");

        var line = RegressionFile.Append(path, Method, LoomCase.ForSchedule("2@4"), "Exception: lost update\nsecond line");

        var lines = File.ReadAllLines(path);
        Assert.StartsWith(RegressionFile.HeaderPrefix + "1.", lines[0]);
        Assert.Equal(RegressionFile.Header("CounterTests.loom-regressions").Count + 1, line);
        Assert.Equal($"{Method} schedule 2@4 # Exception: lost update second line", lines[line - 1]);
        var entry = Assert.Single(RegressionFile.Read(path).Entries);
        Assert.Equal(new RegressionEntry(Method, "2@4", null, line), entry);
        Assert.Empty(RegressionFile.Read(path).Problems);
    }

    [Fact]
    public void Appending_the_same_failure_twice_keeps_one_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("T.loom-regressions");

        var first = RegressionFile.Append(path, Method, LoomCase.ForSeed(17), null);
        var second = RegressionFile.Append(path, Method, LoomCase.ForSeed(17), "again");
        var other = RegressionFile.Append(path, Method, LoomCase.ForSeed(18), null);

        Assert.Equal(first, second);
        Assert.Equal(first + 1, other);
        Assert.Equal([17L, 18L], RegressionFile.Read(path).Entries.Select(e => e.Seed!.Value));
    }

    [Fact]
    public void Append_keeps_a_hand_edited_file_intact()
    {
        using var temp = new TempDirectory();
        var path = temp.File("T.loom-regressions");
        File.WriteAllText(path, "# my notes\nOther.Class.Method schedule 0");

        var line = RegressionFile.Append(path, Method, LoomCase.ForSchedule("1@2"), null);

        Assert.Equal(3, line);
        Assert.Equal(["# my notes", "Other.Class.Method schedule 0", $"{Method} schedule 1@2"], File.ReadAllLines(path));
    }

    [Fact]
    public void A_missing_file_holds_nothing() =>
        Assert.Empty(RegressionFile.Read(Path.Combine(Path.GetTempPath(), "no-such-dir-loom", "X.loom-regressions")).Entries);
}
