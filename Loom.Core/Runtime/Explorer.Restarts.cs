using System.Collections.Generic;
using Loom.Exploration;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

// One execution, run again with the same decisions when a collection or nested work got in its way.
internal sealed partial class Explorer
{
    /// <summary>
    /// A collection that interrupts the same execution at the same step this many times in a row is the model's
    /// own (GC.Collect, or allocation heavy enough to trigger one there), so restarting cannot get past it.
    /// Collections from elsewhere in the process land at varying steps and only cost a retry.
    /// </summary>
    private const int SameStepGcLimit = 50;

    /// <summary>An upper bound on restarts of one execution, so extreme collection pressure ends in an error, not a hang.</summary>
    private const int MaxGcRestarts = 1000;

    /// <summary>
    /// Restarts of one execution for collections after which it runs in a region without collections
    /// (<see cref="NoGcRegion"/>): a livelock then meets its step bound, whatever the collector would have done.
    /// </summary>
    private const int GcRestartsBeforeNoGcRegion = 3;

    /// <summary>Restarts for nesting one execution may take before it runs with all its queued work on workers.</summary>
    private const int MaxUnnestedPerExecution = 4;

    /// <summary>The steps whose queued work the last execution ran on workers (<see cref="Execution.Unnested"/>).</summary>
    private HashSet<int>? _lastUnnested;

    private Execution RunOnce(IExplorationStrategy strategy, List<StepRecord> steps, long seed, RacingLocations racing, out ExecutionFailure? gcFailure)
    {
        gcFailure = null;
        var lastStep = -1;
        var sameStep = 0;
        // Consecutive executions of the exhaustive search replay a common prefix, so work that had to leave the
        // chooser's OS thread in one execution usually has to in the next: starting from the last execution's hints
        // saves the restart that would find it again. Where and on which OS thread work runs changes no result.
        HashSet<int>? unnested = strategy is ExhaustiveStrategy && _lastUnnested is { } carried ? new HashSet<int>(carried) : null;
        var nesting = _options.Nesting && !_nestingOff;
        for (var attempt = 0; ; attempt++)
        {
            var execution = new Execution(_options, strategy, steps, seed, racing) { Nesting = nesting, MainCanHost = _body.IsAsync, Unnested = unnested };
            _current = execution;
            using (attempt >= GcRestartsBeforeNoGcRegion ? NoGcRegion.TryEnter() : default)
                execution.Run(_body);
            if (!execution.RestartRequested)
            {
                _lastUnnested = unnested;
                // A seeded execution that found a new race runs again with the same seed and the racing accesses
                // as scheduling points: each seed is its own case, so it must not leave the race unexplored.
                if (strategy is SeededStrategy && execution.Failure is null && !execution.Pruned && Learn(racing, execution, strategy))
                {
                    strategy.RestartExecution();
                    continue;
                }
                return execution;
            }
            if (execution.UnnestStep is { } unnest)
            {
                // The same decisions again, with that work on a worker. A hint that did not help means the
                // execution did not repeat itself (the nondeterminism checks report that); and each restart costs a
                // whole execution, so after a few the execution runs with all its work on workers.
                unnested ??= new HashSet<int>();
                if (!unnested.Add(unnest) || unnested.Count > MaxUnnestedPerExecution)
                    nesting = false;
                _nestingRestarts++;
                attempt--;
                strategy.RestartExecution();
                continue;
            }
            sameStep = execution.Step == lastStep ? sameStep + 1 : 1;
            lastStep = execution.Step;
            if (sameStep == SameStepGcLimit || attempt == MaxGcRestarts)
            {
                gcFailure = new ExecutionFailure(
                    FailureKind.Nondeterminism,
                    $"A garbage collection interrupted this execution {attempt + 1} times" +
                    (sameStep == SameStepGcLimit ? $", {SameStepGcLimit} times in a row at step {lastStep}. " : ". ") +
                    "Loom identifies memory passed by reference (Interlocked and Volatile on fields) by address, which a collection may move, " +
                    "so it restarts an execution a collection interrupts. " +
                    (sameStep == SameStepGcLimit
                        ? "A collection the model itself triggers lands at the same step every time (GC.Collect, or large allocations between Interlocked/Volatile calls): move it out of the model body. " +
                          "Collections forced elsewhere in the process do the same when they come faster than one execution runs (a thread calling GC.Collect in a loop, on a machine too busy for an execution to finish between two of them): run the test apart from that code."
                        : "Collections elsewhere in the process are too frequent for the execution to finish; run the test with less allocation pressure around it."),
                    null,
                    null,
                    execution.Step);
                return execution;
            }
            _gcRestarts++;
            strategy.RestartExecution();
        }
    }
}
