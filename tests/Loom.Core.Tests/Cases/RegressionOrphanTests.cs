using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Loom.Cases;
using Xunit;

namespace Loom.Tests.Cases;

/// <summary>Regressions lines naming a theory that no longer exists are reported once, by the file's first theory.</summary>
public sealed class RegressionOrphanTests
{
    private static readonly string Namespace = typeof(RegressionOrphanTests).FullName + "+";

    private static string Key(Type type, string method) => type.FullName + "." + method;

    private static MethodIdentity Identity(Type type, string method) => new(type.FullName!, method, ThisFile());

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static RegressionFileContents File(params string[] lines) => RegressionFile.Parse(RegressionFile.PathFor(ThisFile()), lines);

    [Fact]
    public void Only_the_first_theory_of_the_file_by_key_reports_the_orphan_lines()
    {
        var regressions = File(
            $"{Key(typeof(Alpha), nameof(Alpha.First))} schedule 1@2",
            $"{Namespace}Alpha.Deleted schedule 1@3",
            $"{Namespace}Renamed.Method seed 4");

        var reports = new[] { Identity(typeof(Alpha), nameof(Alpha.First)), Identity(typeof(Alpha), nameof(Alpha.Second)), Identity(typeof(Beta), nameof(Beta.Third)) }
            .Select(theory => RegressionOrphans.ReportedBy(typeof(Alpha).Assembly, theory, regressions))
            .ToList();

        Assert.Equal([2, 3], reports[0].Select(o => o.Line));
        Assert.Empty(reports[1]);
        Assert.Empty(reports[2]);
        Assert.Equal($"{Namespace}Alpha.Deleted", reports[0][0].MethodKey);
        Assert.Equal($"{Namespace}Renamed.Method seed 4", reports[0][1].Text);
    }

    [Fact]
    public void A_method_that_cannot_be_a_theory_does_not_report_and_a_method_without_the_attribute_is_no_theory()
    {
        var regressions = File($"{Key(typeof(Alpha), nameof(Alpha.NotATheory))} schedule 1@2");

        var first = RegressionOrphans.ReportedBy(typeof(Alpha).Assembly, Identity(typeof(Alpha), nameof(Alpha.First)), regressions);

        Assert.Equal($"{Namespace}Alpha.NotATheory", Assert.Single(first).MethodKey);
        Assert.Empty(RegressionOrphans.ReportedBy(typeof(Alpha).Assembly, Identity(typeof(Alpha), nameof(Alpha.AlsoFirstByKeyButTakesParameters)), regressions));
    }

    [Fact]
    public void A_malformed_line_naming_a_deleted_theory_is_reported_with_its_own_reason()
    {
        var regressions = File($"{Namespace}Gone.Method schedul 1@2");

        var orphan = Assert.Single(RegressionOrphans.ReportedBy(typeof(Alpha).Assembly, Identity(typeof(Alpha), nameof(Alpha.First)), regressions));

        Assert.Contains("'schedul' should be 'schedule' or 'seed'", orphan.Reason);
        Assert.Contains("deleted or renamed", orphan.Reason);
    }

    [Fact]
    public void Each_orphan_line_is_one_invalid_case_naming_the_file_the_line_the_method_and_the_fix()
    {
        var regressions = File("# header", $"{Namespace}Alpha.Deleted schedule 1@3");
        var method = Identity(typeof(Alpha), nameof(Alpha.First));
        var orphans = RegressionOrphans.ReportedBy(typeof(Alpha).Assembly, method, regressions);

        var cases = CasePlanner.Plan(method, new LoomTheorySettings(), regressions, orphans, () => new ScheduleListing(["0"], true, null), CaseOrder.RegressionsFirst);

        Assert.Equal([LoomCaseKind.Invalid, LoomCaseKind.Schedule], cases.Select(c => c.Kind));
        var problem = cases[0].Problem!;
        Assert.StartsWith($"{regressions.Path} line 2 ('{Namespace}Alpha.Deleted schedule 1@3'): ", problem);
        Assert.Contains($"No [LoomTheory] {Namespace}Alpha.Deleted exists any more", problem);
        Assert.Contains("Delete the line", problem);
        Assert.Equal("regressions line 2", cases[0].ProblemLabel);
    }

    [Fact]
    public void Orphan_lines_are_reported_even_when_the_reporting_theory_has_invalid_options()
    {
        var regressions = File($"{Namespace}Alpha.Deleted schedule 1@3");
        var method = Identity(typeof(Alpha), nameof(Alpha.First));
        var orphans = RegressionOrphans.ReportedBy(typeof(Alpha).Assembly, method, regressions);

        var cases = CasePlanner.Plan(method, new LoomTheorySettings { Seeds = 0 }, regressions, orphans, () => throw new InvalidOperationException(), CaseOrder.StablePositions);

        Assert.Equal(2, cases.Count);
        Assert.Contains(cases, c => c.ProblemLabel == "regressions line 1");
    }

    [AttributeUsage(AttributeTargets.Method)]
    private sealed class FakeTheoryAttribute([CallerFilePath] string? sourceFilePath = null) : Attribute, ILoomTheoryAttribute
    {
        public string? SourceFilePath { get; } = sourceFilePath;
    }

    private sealed class Alpha
    {
        [FakeTheory]
        public void First()
        {
        }

        [FakeTheory]
        public void Second()
        {
        }

        // Sorts before First, but discovery reports it as its parameters' problem alone.
        [FakeTheory]
        public void AlsoFirstByKeyButTakesParameters(int value) => _ = value;

        public void NotATheory()
        {
        }
    }

    private sealed class Beta
    {
        [FakeTheory]
        public void Third()
        {
        }
    }
}
