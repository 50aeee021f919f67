using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Loom;

/// <summary>
/// A schedule: the decisions of one execution that differ from Loom's default choice, in step order.
/// <para>
/// Text form (format version 1): decisions separated by single spaces, each <c>thread@step</c> (at that
/// scheduling point that thread runs) or <c>rN@step</c> (the load at that step reads its N-th alternative
/// store). The schedule with no deviation is written <c>0</c>. For example <c>1@3 0@5</c> means: run the
/// default choice everywhere, except that thread 1 runs at step 3 and thread 0 at step 5.
/// A later format will be written with a <c>vN:</c> prefix; text without a prefix is version 1, and
/// <c>v1:</c> is accepted too.
/// </para>
/// <para>
/// A schedule of code whose shared fields raced in earlier executions starts with
/// <c>races:</c> and those locations (six hex digits each, a hash of the field's name, separated by dots; no
/// character a test filter treats specially): their
/// accesses are scheduling points of this schedule, so the steps count them. For example
/// <c>races:3fa2c1.09bc00 1@7</c>; <c>races:3fa2c1</c> alone takes the default choice everywhere.
/// </para>
/// </summary>
public sealed class ScheduleId : IEquatable<ScheduleId>
{
    /// <summary>The text format version this Loom writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The text of the schedule with no deviation from the default choices.</summary>
    public const string DefaultText = "0";

    /// <summary>The prefix of the token that lists the racing locations.</summary>
    private const string RacesPrefix = "races:";

    /// <summary>The largest location hash: six hex digits.</summary>
    private const int MaxRace = 0xFFFFFF;

    private readonly ScheduleDecision[] _decisions;
    private readonly int[] _races;

    /// <summary>Creates a schedule from its decisions.</summary>
    /// <param name="decisions">Decisions in strictly increasing step order.</param>
    /// <exception cref="ArgumentException">Steps are not strictly increasing, or a value is out of range.</exception>
    public ScheduleId(IEnumerable<ScheduleDecision> decisions)
        : this(decisions, Array.Empty<int>())
    {
    }

    /// <summary>Creates a schedule from its decisions and the racing locations whose accesses are its scheduling points.</summary>
    /// <param name="decisions">Decisions in strictly increasing step order.</param>
    /// <param name="races">The racing locations' hashes (0 to 0xFFFFFF), in any order.</param>
    /// <exception cref="ArgumentException">Steps are not strictly increasing, or a value is out of range.</exception>
    public ScheduleId(IEnumerable<ScheduleDecision> decisions, IEnumerable<int> races)
    {
        ArgumentNullException.ThrowIfNull(races);
        _races = races.Distinct().Order().ToArray();
        if (_races.Length > 0 && (_races[0] < 0 || _races[^1] > MaxRace))
            throw new ArgumentException($"A racing location's hash is six hex digits, 0 to {MaxRace:x6}.", nameof(races));
        _decisions = decisions.ToArray();
        for (var i = 0; i < _decisions.Length; i++)
        {
            var d = _decisions[i];
            if (d.Step < 0 || d.Choice < 0)
                throw new ArgumentException($"Decision {d} has a negative step or choice.", nameof(decisions));
            if (d.Kind == ScheduleDecisionKind.Thread && d.Choice >= LoomOptions.MaxThreads)
                throw new ArgumentException($"Decision {d} names thread {d.Choice}; threads are numbered 0 to {LoomOptions.MaxThreads - 1}.", nameof(decisions));
            if (d.Kind == ScheduleDecisionKind.Value && d.Choice == 0)
                throw new ArgumentException($"Decision {d} chooses the default value; only deviations are written.", nameof(decisions));
            if (i > 0 && !Follows(_decisions[i - 1], d))
                throw new ArgumentException($"Decision {d} does not come after {_decisions[i - 1]}: steps must increase (at one step, the thread before the value).", nameof(decisions));
        }
    }

    /// <summary>The schedule with no deviation: every scheduling point takes the default choice.</summary>
    public static ScheduleId Default { get; } = new(Array.Empty<ScheduleDecision>());

    /// <summary>The deviations from the default choices, in step order.</summary>
    public IReadOnlyList<ScheduleDecision> Decisions => _decisions;

    /// <summary>
    /// The shared locations earlier executions found racing (each a hash of its name), whose accesses are scheduling
    /// points in this schedule, in increasing order. Empty for code without racing fields.
    /// </summary>
    public IReadOnlyList<int> Races => _races;

    /// <summary>The number of preemptive thread switches written in the schedule.</summary>
    public int Length => _decisions.Length;

    /// <summary>Parses a schedule id.</summary>
    /// <param name="text">The id, as printed by Loom.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">The text is not a schedule id; the message says which part and why.</exception>
    public static ScheduleId Parse(string text)
    {
        if (!TryParse(text, out var id, out var error))
            throw new FormatException(error);
        return id;
    }

    /// <summary>Parses a schedule id, reporting what is wrong instead of throwing.</summary>
    /// <param name="text">The id, as printed by Loom.</param>
    /// <param name="id">The schedule, when parsing succeeds.</param>
    /// <param name="error">What is wrong, when parsing fails.</param>
    /// <returns>Whether the text is a valid schedule id.</returns>
    public static bool TryParse(string? text, out ScheduleId id, out string error)
    {
        id = Default;
        error = "";
        if (text is null)
        {
            error = "Schedule id is missing (null).";
            return false;
        }

        var body = text.Trim();
        if (body.StartsWith('v'))
        {
            var colon = body.IndexOf(':');
            if (colon < 0 || !int.TryParse(body.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                error = $"Schedule id '{text}' starts with 'v' but has no version prefix of the form 'v1:'.";
                return false;
            }
            if (version != FormatVersion)
            {
                error = $"Schedule id '{text}' is format version {version}; this Loom reads version {FormatVersion}. Re-run the exploration to get an id for this version.";
                return false;
            }
            body = body[(colon + 1)..].Trim();
        }

        if (body.Length == 0)
        {
            error = $"Schedule id '{text}' is empty; the schedule with no deviation is written '{DefaultText}'.";
            return false;
        }
        var races = Array.Empty<int>();
        if (body.StartsWith(RacesPrefix, StringComparison.Ordinal))
        {
            var end = body.IndexOf(' ');
            var list = end < 0 ? body[RacesPrefix.Length..] : body[RacesPrefix.Length..end];
            if (!TryParseRaces(list, out races))
            {
                error = $"Schedule id '{text}': '{RacesPrefix}{list}' is not a dot-separated list of racing locations, six hex digits each (for example {RacesPrefix}3fa2c1.09bc00).";
                return false;
            }
            body = end < 0 ? DefaultText : body[(end + 1)..].Trim();
        }
        if (body == DefaultText)
        {
            id = races.Length == 0 ? Default : new ScheduleId([], races);
            return true;
        }

        var decisions = new List<ScheduleDecision>();
        foreach (var token in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseDecision(token, out var decision, out var why))
            {
                error = $"Schedule id '{text}': decision '{token}' {why}. Each decision is 'thread@step' (for example 1@3) or 'rN@step' for a value choice.";
                return false;
            }
            if (decisions.Count > 0 && !Follows(decisions[^1], decision))
            {
                error = $"Schedule id '{text}': decision '{token}' comes at step {decision.Step}, not after the previous decision {decisions[^1]}; steps must increase, and at one step the thread choice comes before the value choice.";
                return false;
            }
            decisions.Add(decision);
        }
        id = new ScheduleId(decisions, races);
        return true;
    }

    private static bool TryParseRaces(string list, out int[] races)
    {
        var parts = list.Split('.');
        races = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 6 || !int.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out races[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether <paramref name="next"/> may follow <paramref name="previous"/>: a later step, or, at the same step, the
    /// value the chosen thread's load reads after the choice of that thread.
    /// </summary>
    private static bool Follows(ScheduleDecision previous, ScheduleDecision next) =>
        next.Step > previous.Step ||
        (next.Step == previous.Step && previous.Kind == ScheduleDecisionKind.Thread && next.Kind == ScheduleDecisionKind.Value);

    private static bool TryParseDecision(string token, out ScheduleDecision decision, out string why)
    {
        decision = default;
        var at = token.IndexOf('@');
        if (at <= 0 || at == token.Length - 1)
        {
            why = "is not of the form 'choice@step'";
            return false;
        }
        var kind = ScheduleDecisionKind.Thread;
        var choiceText = token.AsSpan(0, at);
        if (choiceText[0] == 'r')
        {
            kind = ScheduleDecisionKind.Value;
            choiceText = choiceText[1..];
        }
        if (!int.TryParse(choiceText, NumberStyles.None, CultureInfo.InvariantCulture, out var choice))
        {
            why = $"has '{choiceText.ToString()}' where a non-negative number was expected";
            return false;
        }
        if (!int.TryParse(token.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            why = $"has step '{token[(at + 1)..]}' where a non-negative number was expected";
            return false;
        }
        if (kind == ScheduleDecisionKind.Thread && choice >= LoomOptions.MaxThreads)
        {
            why = $"names thread {choice}; threads are numbered 0 to {LoomOptions.MaxThreads - 1}";
            return false;
        }
        if (kind == ScheduleDecisionKind.Value && choice == 0)
        {
            why = "chooses value 0, the default, which is never written";
            return false;
        }
        decision = new ScheduleDecision(step, kind, choice);
        why = "";
        return true;
    }

    /// <summary>The canonical text form (see the type's remarks).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (_races.Length > 0)
            sb.Append(RacesPrefix).AppendJoin('.', _races.Select(r => r.ToString("x6", CultureInfo.InvariantCulture)));
        else if (_decisions.Length == 0)
            return DefaultText;
        foreach (var d in _decisions)
        {
            if (sb.Length > 0)
                sb.Append(' ');
            sb.Append(d.ToString());
        }
        return sb.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ScheduleId? other) =>
        other is not null && _decisions.AsSpan().SequenceEqual(other._decisions) && _races.AsSpan().SequenceEqual(other._races);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ScheduleId);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in _decisions)
            hash.Add(d);
        foreach (var r in _races)
            hash.Add(r);
        return hash.ToHashCode();
    }
}
