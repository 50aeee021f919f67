using System;
using System.Collections.Generic;
using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>
/// Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010): each thread gets
/// a random priority when it first appears, the highest-priority runnable thread always runs, and at d - 1 random
/// steps the running thread's priority drops below every initial one. A bug of depth d is found with probability
/// at least 1/(n k^(d-1)) per execution, for n threads and k steps.
/// <para>
/// k is the length of the default schedule, measured by one probe execution before the seeds run, so that a
/// seed decides its execution on its own whatever seeds ran before it.
/// </para>
/// </summary>
internal sealed class PctStrategy : SeededStrategy
{
    private readonly int _depth;
    private readonly List<long> _priorities = new();
    private readonly HashSet<int> _changePoints = new();
    private bool _probing = true;
    private int _steps;

    public PctStrategy(long firstSeed, int iterations, int depth)
        : base(firstSeed, iterations)
    {
        _depth = depth;
    }

    /// <summary>
    /// A strategy for seeds after the probe, which measured <paramref name="steps"/> (<see cref="Steps"/>): a
    /// parallel worker's chunk chooses the same schedules as the one strategy of a sequential run.
    /// </summary>
    public PctStrategy(long firstSeed, int iterations, int depth, int steps)
        : this(firstSeed, iterations, depth)
    {
        _probing = false;
        _steps = steps;
    }

    /// <summary>The default schedule's length that change points are drawn from, once the probe has run.</summary>
    public int Steps => _steps;

    public override bool BeginExecution()
    {
        if (_probing)
            return true;
        return base.BeginExecution();
    }

    public override void RestartExecution()
    {
        if (!_probing)
            base.RestartExecution();
    }

    protected override void StartExecution(long seed)
    {
        base.StartExecution(seed);
        _priorities.Clear();
        _changePoints.Clear();
        var changes = Math.Min(_depth - 1, _steps);
        while (_changePoints.Count < changes)
            _changePoints.Add(Random.Below(_steps));
    }

    public override int ChooseThread(Execution execution, ulong enabled, int fallback)
    {
        if (_probing)
            return fallback;

        var step = execution.Step;
        if (_changePoints.Contains(step) && step > 0)
        {
            // Lower the running thread below every initial priority; later change points go lower still.
            var previous = execution.Steps[step - 1].Thread;
            PriorityOf(previous);
            _priorities[previous] = _depth - 1 - CountChangePointsBefore(step);
        }

        var best = -1;
        var bestPriority = long.MinValue;
        for (var t = 0; t < 64; t++)
        {
            if ((enabled & (1UL << t)) == 0)
                continue;
            var priority = PriorityOf(t);
            if (priority > bestPriority)
            {
                best = t;
                bestPriority = priority;
            }
        }
        return best;
    }

    public override void EndExecution(Execution execution)
    {
        if (_probing)
        {
            _probing = false;
            _steps = Math.Max(1, execution.Step);
        }
    }

    /// <summary>Whether the probe execution (the default schedule, which measures k) is the one running.</summary>
    public bool Probing => _probing;

    private long PriorityOf(int thread)
    {
        while (_priorities.Count <= thread)
            _priorities.Add(_depth + 1 + (long)(Random.Next() >> 2));
        return _priorities[thread];
    }

    private int CountChangePointsBefore(int step)
    {
        var count = 0;
        foreach (var point in _changePoints)
        {
            if (point < step)
                count++;
        }
        return count;
    }
}
