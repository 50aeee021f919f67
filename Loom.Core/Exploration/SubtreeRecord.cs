using System;
using System.Collections.Generic;

namespace Loom.Exploration;

/// <summary>
/// What a subtree of a parallel search tells the coordinator about the branches above it, while it runs: the
/// branches its first execution added to the coordinator's part of the path, and the alternatives race detection
/// asks for at frozen branches, in the order asked. The coordinator reads it early to guess the next subtrees.
/// </summary>
internal sealed class SubtreeRecord
{
    private readonly object _gate = new();
    private readonly List<BacktrackRequest> _requests = new();
    private readonly Action _published;
    private Branch[]? _created;

    /// <param name="published">Called once the first execution has published, so the coordinator can guess further.</param>
    public SubtreeRecord(Action published) => _published = published;

    /// <summary>Records the branches the first execution added above the subtree's floor (copies: the subtree goes on changing its own).</summary>
    public void Publish(List<Branch> created)
    {
        var copies = new Branch[created.Count];
        for (var i = 0; i < copies.Length; i++)
            copies[i] = created[i].Clone();
        lock (_gate)
            _created = copies;
        _published();
    }

    /// <summary>Records a request for a frozen branch.</summary>
    public void Request(BacktrackRequest request)
    {
        lock (_gate)
            _requests.Add(request);
    }

    /// <summary>
    /// The branches published so far and the requests made so far; <see langword="false"/> before the first
    /// execution has published.
    /// </summary>
    public bool TryRead(out Branch[] created, out BacktrackRequest[] requests)
    {
        lock (_gate)
        {
            created = _created ?? [];
            requests = [.. _requests];
            return _created is not null;
        }
    }
}
