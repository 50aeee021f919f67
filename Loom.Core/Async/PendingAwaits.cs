using System;
using System.Collections.Generic;

namespace Loom.Async;

/// <summary>
/// The awaits of rewritten code that suspended in one execution, each with its line, so that a deadlock report can
/// name every await still waiting: an await parks no logical thread, and what it waits for (a completion source's
/// task, a channel read, <c>Task.WhenAll</c>) often has no model object to name it. The awaiter stand-ins record an
/// await when its <c>IsCompleted</c> says false, which is when the compiler's code suspends.
/// </summary>
internal sealed class PendingAwaits
{
    private readonly List<Entry> _entries = new();

    /// <summary>The count above which <see cref="Add"/> first drops the awaits that completed since.</summary>
    private int _pruneAt = 64;

    /// <summary>
    /// Records an await by <paramref name="caller"/> at <paramref name="location"/> (<c>File.cs:42</c>, or empty) that
    /// stays pending while <paramref name="isCompleted"/> is false.
    /// </summary>
    public void Add(Func<bool> isCompleted, string caller, string location)
    {
        if (_entries.Count >= _pruneAt)
        {
            _entries.RemoveAll(static e => Completed(e.IsCompleted));
            _pruneAt = Math.Max(64, 2 * _entries.Count);
        }
        _entries.Add(new Entry(isCompleted, caller, location));
    }

    /// <summary>
    /// The awaits still pending, in the order they suspended, as report lines; an await at one of
    /// <paramref name="named"/> is left out, since a model object already named the wait there.
    /// </summary>
    public IEnumerable<string> Describe(IReadOnlySet<string> named)
    {
        foreach (var entry in _entries)
        {
            if (Completed(entry.IsCompleted) || (entry.Location.Length > 0 && named.Contains(entry.Location)))
                continue;
            var where = entry.Location.Length == 0 ? "at an unknown location" : $"at {entry.Location}";
            yield return $"a task awaits {where} (called by {entry.Caller}): what it awaits never completed, and nothing left to run can complete it";
        }
    }

    // An awaiter over a pooled IValueTaskSource throws once the source moved on: it no longer waits.
    private static bool Completed(Func<bool> isCompleted)
    {
        try
        {
            return isCompleted();
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private readonly record struct Entry(Func<bool> IsCompleted, string Caller, string Location);
}
