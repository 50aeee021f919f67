using System;
using System.Collections.Generic;
using System.Linq;

namespace Loom.Cases;

/// <summary>
/// Turns a theory's settings, its regressions and (for exhaustive theories) its listed schedules into the cases
/// discovery reports, in the order they should run: problems, regressions, then the rest.
/// <para>
/// The rule for exhaustive spaces: with N listed schedules and a cap of M cases (<c>MaxCases</c>, default 100),
/// if N fits (N, plus one when the listing is partial, is at most M) each schedule is its own case; otherwise the
/// schedules are split, in exploration order, into consecutive groups of equal size (the last may be smaller),
/// so that every listed schedule is in exactly one group. When the listing stopped before the space was
/// exhausted (more than <c>MaxListedSchedules</c> schedules), one more case continues the exploration past the
/// listed schedules; when nothing could be listed, one case explores the whole space.
/// </para>
/// </summary>
public static class CasePlanner
{
    /// <summary>Plans the cases of one theory.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="settings">What the attribute says.</param>
    /// <param name="regressions">The regressions file beside the test source, or <see langword="null"/> if there is none.</param>
    /// <param name="listSchedules">Lists the exhaustive schedules; only called for valid exhaustive theories.</param>
    /// <returns>The cases, in run order. Never empty.</returns>
    public static IReadOnlyList<LoomCase> Plan(
        MethodIdentity method,
        LoomTheorySettings settings,
        RegressionFileContents? regressions,
        Func<ScheduleListing> listSchedules) =>
        Plan(method, settings, regressions, listSchedules, CaseOrder.RegressionsFirst);

    /// <summary>Plans the cases of one theory, in the order a framework needs.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="settings">What the attribute says.</param>
    /// <param name="regressions">The regressions file beside the test source, or <see langword="null"/> if there is none.</param>
    /// <param name="listSchedules">Lists the exhaustive schedules; only called for valid exhaustive theories.</param>
    /// <param name="order">Where regressions go (see <see cref="CaseOrder"/>).</param>
    /// <returns>The cases, in run order. Never empty.</returns>
    public static IReadOnlyList<LoomCase> Plan(
        MethodIdentity method,
        LoomTheorySettings settings,
        RegressionFileContents? regressions,
        Func<ScheduleListing> listSchedules,
        CaseOrder order) =>
        Plan(method, settings, regressions, [], listSchedules, order);

    /// <summary>Plans the cases of one theory, with the regressions lines it reports for the theories they no longer name.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="settings">What the attribute says.</param>
    /// <param name="regressions">The regressions file beside the test source, or <see langword="null"/> if there is none.</param>
    /// <param name="orphans">The file's lines naming no theory that this theory reports (<see cref="RegressionOrphans"/>): one invalid case each.</param>
    /// <param name="listSchedules">Lists the exhaustive schedules; only called for valid exhaustive theories.</param>
    /// <param name="order">Where regressions go (see <see cref="CaseOrder"/>).</param>
    /// <returns>The cases, in run order. Never empty.</returns>
    public static IReadOnlyList<LoomCase> Plan(
        MethodIdentity method,
        LoomTheorySettings settings,
        RegressionFileContents? regressions,
        IReadOnlyList<RegressionProblem> orphans,
        Func<ScheduleListing> listSchedules,
        CaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(orphans);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(listSchedules);

        var cases = new List<LoomCase>();
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            cases.Add(LoomCase.ForProblem(
                $"[LoomTheory] on {method.ShortName} has invalid options:{Environment.NewLine}  - " +
                string.Join(Environment.NewLine + "  - ", problems)));
        }

        var regressionCases = new List<LoomCase>();
        if (regressions is not null)
        {
            foreach (var problem in regressions.ProblemsFor(method.Key))
            {
                cases.Add(LoomCase.ForProblem(
                    $"{regressions.Path} line {problem.Line} ('{problem.Text.Trim()}'): {problem.Reason} Fix or delete the line.",
                    $"regressions line {problem.Line}"));
            }
            foreach (var orphan in orphans)
                cases.Add(LoomCase.ForProblem($"{regressions.Path} line {orphan.Line} ('{orphan.Text.Trim()}'): {orphan.Reason}", $"regressions line {orphan.Line}"));
            foreach (var entry in regressions.For(method.Key))
            {
                if (entry.Seed is not null && settings.EffectiveStrategy == LoomStrategy.Exhaustive)
                {
                    cases.Add(LoomCase.ForProblem(
                        $"{regressions.Path} line {entry.Line}: records seed {entry.Seed} for {method.ShortName}, which explores exhaustively and has no seeds. " +
                        "Delete the line, or record the failure's schedule instead ('schedule <id>').",
                        $"regressions line {entry.Line}"));
                    continue;
                }
                var regression = entry.ToCase();
                if (regressionCases.All(c => c.Key != regression.Key))
                    regressionCases.Add(regression);
            }
        }
        // With invalid options nothing can run correctly, regressions included: report the problems alone.
        if (problems.Count > 0)
            return cases;

        var regressionKeys = regressionCases.Select(c => c.AsRegression().Key).ToHashSet(StringComparer.Ordinal);
        if (order == CaseOrder.StablePositions)
            return PlanStable(cases, regressionCases, regressionKeys, settings, listSchedules);

        cases.AddRange(regressionCases);
        foreach (var planned in PlanMain(settings, listSchedules))
        {
            // A listed schedule or seed that is also a regression runs once, as the regression.
            if (IsRecorded(planned, regressionKeys))
                continue;
            cases.Add(planned);
        }
        return cases;
    }

    private static bool IsRecorded(LoomCase planned, HashSet<string> regressionKeys) =>
        planned.Kind is LoomCaseKind.Schedule or LoomCaseKind.Seed && regressionKeys.Contains(planned.AsRegression().Key);

    private static List<LoomCase> PlanStable(
        List<LoomCase> problemCases,
        List<LoomCase> regressionCases,
        HashSet<string> regressionKeys,
        LoomTheorySettings settings,
        Func<ScheduleListing> listSchedules)
    {
        var cases = new List<LoomCase>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planned in PlanMain(settings, listSchedules))
        {
            // A listed schedule or seed that is also a regression keeps its position, marked as the regression.
            if (IsRecorded(planned, regressionKeys))
            {
                var regression = planned.AsRegression();
                placed.Add(regression.Key);
                cases.Add(regression);
                continue;
            }
            cases.Add(planned);
        }
        cases.AddRange(regressionCases.Where(r => !placed.Contains(r.Key)));
        cases.AddRange(problemCases);
        return cases;
    }

    private static IEnumerable<LoomCase> PlanMain(LoomTheorySettings settings, Func<ScheduleListing> listSchedules)
    {
        if (settings.Schedule is not null)
        {
            yield return LoomCase.ForSchedule(settings.Schedule);
            yield break;
        }
        if (settings.EffectiveStrategy != LoomStrategy.Exhaustive)
        {
            var first = settings.EffectiveFirstSeed;
            for (var i = 0; i < settings.EffectiveSeeds; i++)
                yield return LoomCase.ForSeed(first + i);
            yield break;
        }

        var listing = listSchedules();
        if (listing.Problem is { } problem)
        {
            yield return LoomCase.ForProblem(problem);
            yield break;
        }
        if (listing.Schedules.Count == 0)
        {
            yield return LoomCase.ForFullExploration(listing.Note ?? "discovery listed no schedule");
            yield break;
        }
        foreach (var planned in GroupSchedules(listing, settings.EffectiveMaxCases))
            yield return planned;
    }

    /// <summary>Applies the case cap to a listing (see the type's remarks for the rule).</summary>
    /// <param name="listing">The listed schedules.</param>
    /// <param name="maxCases">The most cases to produce.</param>
    /// <returns>The schedule, group and continuation cases.</returns>
    public static IReadOnlyList<LoomCase> GroupSchedules(ScheduleListing listing, int maxCases)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCases, 1);
        var cases = new List<LoomCase>();
        var schedules = listing.Schedules;
        var continuation = listing.Complete ? 0 : 1;
        if (schedules.Count + continuation <= maxCases)
        {
            cases.AddRange(schedules.Select(s => LoomCase.ForSchedule(s)));
        }
        else
        {
            var groups = Math.Max(1, maxCases - continuation);
            var size = (schedules.Count + groups - 1) / groups;
            for (var start = 0; start < schedules.Count; start += size)
            {
                var count = Math.Min(size, schedules.Count - start);
                cases.Add(LoomCase.ForGroup(schedules.Skip(start).Take(count).ToArray(), start + 1, schedules.Count));
            }
        }
        if (!listing.Complete)
            cases.Add(LoomCase.ForContinuedExploration(schedules.Count));
        return cases;
    }
}
