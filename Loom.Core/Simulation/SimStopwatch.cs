using System.Diagnostics;

namespace Loom.Simulation;

/// <summary>
/// The virtual twin of a real <see cref="Stopwatch"/> used inside a Loom execution: the same arithmetic as the real
/// one, on timestamps of the execution's clock (<see cref="SimClock.StopwatchTimestamp"/>, in
/// <see cref="Stopwatch.Frequency"/> units, so <c>Stopwatch.Frequency</c> still converts them).
/// </summary>
internal sealed class SimStopwatch
{
    /// <summary>Ticks (Stopwatch units) accumulated by earlier Start..Stop periods.</summary>
    private long _elapsed;

    /// <summary>The timestamp of the running period's start.</summary>
    private long _startTimestamp;

    public SimStopwatch(SimClock clock) => Clock = clock;

    /// <summary>
    /// A twin that carries on from what a stopwatch had measured so far (its raw elapsed ticks) on
    /// <paramref name="clock"/>: a stopwatch made outside the execution, or in an earlier one.
    /// </summary>
    public SimStopwatch(SimClock clock, long elapsedTicks, bool running)
        : this(clock)
    {
        _elapsed = elapsedTicks;
        if (running)
            Start();
    }

    /// <summary>The clock whose time this twin measures: the execution it belongs to.</summary>
    public SimClock Clock { get; }

    public bool IsRunning { get; private set; }

    /// <summary>Elapsed ticks in <see cref="Stopwatch.Frequency"/> units, as <see cref="Stopwatch.ElapsedTicks"/>.</summary>
    public long ElapsedTicks => IsRunning ? _elapsed + Clock.StopwatchTimestamp - _startTimestamp : _elapsed;

    public void Start()
    {
        if (IsRunning)
            return;
        _startTimestamp = Clock.StopwatchTimestamp;
        IsRunning = true;
    }

    public void Stop()
    {
        if (!IsRunning)
            return;
        _elapsed += Clock.StopwatchTimestamp - _startTimestamp;
        IsRunning = false;
        if (_elapsed < 0)
            _elapsed = 0;
    }

    public void Reset()
    {
        _elapsed = 0;
        IsRunning = false;
        _startTimestamp = 0;
    }

    public void Restart()
    {
        _elapsed = 0;
        _startTimestamp = Clock.StopwatchTimestamp;
        IsRunning = true;
    }
}
