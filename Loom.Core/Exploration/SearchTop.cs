using System.Collections.Generic;

namespace Loom.Exploration;

/// <summary>
/// The coordinator's part of a parallel exhaustive search: the first branches of the path, above the subtrees the
/// workers explore. It moves as the sequential search does once a subtree is done: the subtree's requests join the
/// branches' backtrack sets, and the deepest branch with an alternative left takes it, which names the next
/// subtree's prefix. A copy moved with a running subtree's requests so far guesses the subtrees after it.
/// </summary>
internal sealed class SearchTop
{
    private readonly List<Branch> _path;
    private readonly int? _bound;
    private bool _prunedByBound;

    /// <summary>An empty top: the first subtree's prefix is empty.</summary>
    public SearchTop(int? preemptionBound)
        : this(preemptionBound, new List<Branch>(), false)
    {
    }

    private SearchTop(int? preemptionBound, List<Branch> path, bool prunedByBound)
    {
        _bound = preemptionBound;
        _path = path;
        _prunedByBound = prunedByBound;
    }

    /// <summary>Whether the preemption bound cut off an alternative at one of these branches.</summary>
    public bool PrunedByBound => _prunedByBound;

    /// <summary>The next subtree's prefix, as copies.</summary>
    public Branch[] Prefix()
    {
        var prefix = new Branch[_path.Count];
        for (var i = 0; i < prefix.Length; i++)
            prefix[i] = _path[i].Clone();
        return prefix;
    }

    /// <summary>Whether a subtree below <paramref name="prefix"/> explores what the next subtree from here explores.</summary>
    public bool Leads(IReadOnlyList<Branch> prefix)
    {
        if (prefix.Count != _path.Count)
            return false;
        for (var i = 0; i < prefix.Count; i++)
        {
            if (!_path[i].SameDecisionAs(prefix[i]))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Takes in the subtree below the current prefix: the branches its first execution added, then its requests in
    /// order; then moves to the next prefix. Returns <see langword="false"/> when nothing is left to try.
    /// </summary>
    public bool Advance(IReadOnlyList<Branch> created, IEnumerable<BacktrackRequest> requests)
    {
        foreach (var branch in created)
            _path.Add(branch.Clone());
        foreach (var request in requests)
            ExhaustiveStrategy.Add(_path[request.Index], request.Thread, request.LoadThread);
        return ExhaustiveStrategy.Backtrack(_path, 0, _bound, ref _prunedByBound) >= 0;
    }

    /// <summary>A copy to move ahead on guesses without changing this one.</summary>
    public SearchTop Copy()
    {
        var path = new List<Branch>(_path.Count);
        foreach (var branch in _path)
            path.Add(branch.Clone());
        return new SearchTop(_bound, path, _prunedByBound);
    }
}
