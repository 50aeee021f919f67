using System.Collections.Generic;
using Loom.Runtime;

namespace Loom.Coverage.Recording;

/// <summary>
/// The controlled sites of a chunk of seeds that a parallel worker ran, held until the chunk is committed in seed
/// order (<see cref="ControlledSiteLog.Record(SiteBatch)"/>): a chunk that runs again or is discarded then counts
/// nothing, and the first schedule named for a line is the one a sequential run would name.
/// </summary>
internal sealed class SiteBatch
{
    private readonly Dictionary<(string File, int Line), int> _index = new();

    /// <summary>The sites in the order first reached, with the first reaching schedule and the hits.</summary>
    public List<(string File, int Line, string Api, ScheduleId Schedule, long Hits)> Sites { get; } = new();

    /// <summary>Counts the source lines of one finished execution's scheduling points.</summary>
    public void Add(IReadOnlyList<StepRecord> steps, ScheduleId schedule)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var operation = steps[i].Operation;
            if (operation.File is not { Length: > 0 } file || operation.Line <= 0)
                continue;
            if (_index.TryGetValue((file, operation.Line), out var at))
            {
                var site = Sites[at];
                Sites[at] = site with { Hits = site.Hits + 1 };
                continue;
            }
            _index.Add((file, operation.Line), Sites.Count);
            Sites.Add((file, operation.Line, operation.Name, schedule, 1));
        }
    }
}
