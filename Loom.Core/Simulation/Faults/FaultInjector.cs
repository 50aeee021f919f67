using System;
using System.Collections.Generic;
using System.Linq;

namespace Loom.Simulation;

/// <summary>
/// The world's fault injector (a "nemesis"): at random times drawn from the seed, as the rates of
/// <see cref="SimulationOptions"/> say, it partitions the network, clogs links, crashes and restarts nodes, pauses
/// them and makes their clocks jump. Each kind of fault is a Poisson process on simulated time; each injection is a
/// step of the execution, named after the fault, and an event of the world.
/// </summary>
internal sealed class FaultInjector
{
    private readonly SimWorld _world;
    private readonly SimRandom _random;
    private readonly List<SimTimer> _pending = new();
    private SimTimer? _clogTimer;
    private bool _stopped;

    public FaultInjector(SimWorld world)
    {
        _world = world;
        _random = SeedStreams.For(world.Seed, "fault injector");
    }

    private SimulationOptions Options => _world.Options;

    public void Start()
    {
        ScheduleNext("partition", Options.Partitions.Rate, StartPartition);
        ScheduleNext("crash", Options.Nodes.CrashRate, CrashNode);
        ScheduleNext("pause", Options.Nodes.PauseRate, PauseNode);
        ScheduleNext("clock jump", Options.Clocks.JumpRate, JumpClock);
        ScheduleClog();
    }

    public void Stop()
    {
        _stopped = true;
        foreach (var timer in _pending)
            timer.Dispose();
        _pending.Clear();
        _clogTimer?.Dispose();
        _clogTimer = null;
    }

    /// <summary>A link's clog rate changed: the clog process restarts with the new total rate.</summary>
    public void LinkRatesChanged()
    {
        _clogTimer?.Dispose();
        _clogTimer = null;
        ScheduleClog();
    }

    private void ScheduleNext(string what, double rate, Action inject)
    {
        if (_stopped || rate <= 0)
            return;
        SimTimer? timer = null;
        timer = _world.Clock.Schedule(NextArrival(rate), () =>
        {
            _pending.Remove(timer!);
            if (_stopped)
                return;
            inject();
            ScheduleNext(what, rate, inject);
        }, $"fault injector: {what}");
        _pending.Add(timer);
    }

    /// <summary>The time to the next event of a Poisson process of <paramref name="rate"/> events per second.</summary>
    private TimeSpan NextArrival(double rate) =>
        TimeSpan.FromTicks(Math.Max(1, (long)(-Math.Log(1 - _random.NextDouble()) / rate * TimeSpan.TicksPerSecond)));

    private List<SimNode> Eligible(IReadOnlyList<string>? among)
    {
        if (among is null)
            return _world.Nodes.ToList();
        return among.Select(name => _world.FindNode(name) ?? throw new InvalidOperationException(
            $"The fault injector was told to act among nodes that include '{name}', but the world has no such node; " +
            $"its nodes are {string.Join(", ", _world.Nodes.Select(n => $"'{n.Name}'"))}. Fix the Among list of the simulation options.")).ToList();
    }

    private void StartPartition()
    {
        var nodes = Eligible(Options.Partitions.Among);
        if (nodes.Count < 2)
            return;
        var shuffled = nodes.OrderBy(_ => _random.Next()).ToList();
        var cut = 1 + _random.Next(nodes.Count - 1);
        var side = shuffled.Take(cut).Select(n => n.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var rest = shuffled.Skip(cut).Select(n => n.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var duration = Options.Partitions.Duration.Sample(_random);
        if (_random.NextDouble() < Options.Partitions.AsymmetricProbability)
        {
            if (_random.Next(2) == 0)
                (side, rest) = (rest, side);
            _world.Network.StartPartition(side, rest, symmetric: false, duration);
        }
        else
        {
            _world.Network.StartPartition(side, rest, symmetric: true, duration);
        }
    }

    private void CrashNode()
    {
        var nodes = Eligible(Options.Nodes.Among);
        if (nodes.Count(n => n.State == SimNodeState.Crashed) >= Options.Nodes.MaxCrashedAtOnce)
            return;
        var up = nodes.Where(n => n.IsUp).ToList();
        if (up.Count == 0)
            return;
        var node = up[_random.Next(up.Count)];
        node.Crash();
        var delay = Options.Nodes.RestartDelay.Sample(_random);
        _world.Clock.Schedule(delay, () =>
        {
            if (node.State == SimNodeState.Crashed && !_world.IsShutDown)
                node.Restart();
        }, $"fault injector: restart {node.Name}");
    }

    private void PauseNode()
    {
        var running = Eligible(Options.Nodes.Among).Where(n => n.State == SimNodeState.Running).ToList();
        if (running.Count == 0)
            return;
        running[_random.Next(running.Count)].Pause(Options.Nodes.PauseDuration.Sample(_random));
    }

    private void JumpClock()
    {
        var nodes = _world.Nodes;
        if (nodes.Count == 0)
            return;
        var node = nodes[_random.Next(nodes.Count)];
        var jump = TimeSpan.FromTicks((long)((_random.NextDouble() * 2 - 1) * Options.Clocks.MaxJump.Ticks));
        node.Clock.Jump(jump);
        _world.Record(SimEventKind.Clock, node.Name, $"wall clock jumped {(jump < TimeSpan.Zero ? "back" : "forward")} {TimeDistribution.Format(jump.Duration())}");
    }

    /// <summary>Clogs come from every directed link at its own rate: the next one is drawn from their total, its link in proportion.</summary>
    private void ScheduleClog()
    {
        if (_stopped || _clogTimer is not null)
            return;
        var links = _world.Network.LinksWithClogs();
        var total = links.Sum(l => l.Faults.ClogRate);
        if (total <= 0)
            return;
        _clogTimer = _world.Clock.Schedule(NextArrival(total), () =>
        {
            _clogTimer = null;
            if (_stopped)
                return;
            var current = _world.Network.LinksWithClogs();
            var sum = current.Sum(l => l.Faults.ClogRate);
            if (sum > 0)
            {
                var pick = _random.NextDouble() * sum;
                foreach (var link in current)
                {
                    pick -= link.Faults.ClogRate;
                    if (pick < 0 || link == current[^1])
                    {
                        _world.Network.StartClog(link.From, link.To, link.Faults.ClogDuration.Sample(_random));
                        break;
                    }
                }
            }
            ScheduleClog();
        }, "fault injector: clog");
    }
}
