using System;
using System.Collections.Generic;

namespace Loom.Simulation;

/// <summary>
/// One direction of a stream connection: the segments written and not yet delivered, in order. A segment arrives
/// after its link's latency but never before the one written before it; a partition holds the data back (a real
/// stack retransmits) until it heals, or resets the connection after the connection timeout; a clog delays it.
/// </summary>
internal sealed class StreamPipe
{
    private readonly SimConnection _connection;
    private readonly Queue<(long Due, byte[]? Data)> _inFlight = new();
    private long _lastDue;
    private long _heldSince = -1;

    /// <summary>Whether a delivery step is scheduled: one at a time, for the head segment (the others are due no earlier).</summary>
    private bool _drainScheduled;

    public StreamPipe(SimConnection connection, string from, string to)
    {
        _connection = connection;
        From = from;
        To = to;
    }

    public string From { get; }

    public string To { get; }

    /// <summary>The endpoint that reads what this pipe delivers.</summary>
    public SimStream Reader { get; set; } = null!;

    private SimNetwork Network => _connection.Network;

    /// <summary>Sends a segment; <see langword="null"/> is the end of the stream (the writer closed).</summary>
    public void Send(byte[]? data)
    {
        var now = Network.Now;
        var latency = Network.FaultsOf(From, To).Latency.Sample(Network.Random).Ticks;
        var due = Math.Max(Math.Max(now + latency, _lastDue), Network.ClogEnd(From, To));
        _lastDue = due;
        _inFlight.Enqueue((due, data));
        ScheduleDrain(TimeSpan.FromTicks(due - now));
    }

    public void ScheduleDrain(TimeSpan after)
    {
        if (_drainScheduled)
            return;
        _drainScheduled = true;
        Network.World.Clock.Schedule(after, Drain, $"deliver stream data {From} -> {To}", () => Reader.Life);
    }

    public void Clear()
    {
        _inFlight.Clear();
        Network.Release(this);
    }

    /// <summary>Delivers every segment that is due, in order, unless a partition or a clog holds the head back.</summary>
    private void Drain()
    {
        _drainScheduled = false;
        if (_connection.IsReset)
            return;
        var now = Network.Now;
        var arrived = false;
        while (_inFlight.TryPeek(out var segment) && segment.Due <= now)
        {
            if (Network.IsBlocked(From, To))
            {
                Hold(now);
                break;
            }
            var clog = Network.ClogEnd(From, To);
            if (clog > now)
            {
                ScheduleDrain(TimeSpan.FromTicks(clog - now));
                break;
            }
            _inFlight.Dequeue();
            _heldSince = -1;
            Network.Release(this);
            if (Reader.IsClosed)
            {
                // Data for a socket its owner closed: the receiving stack answers with a reset.
                _connection.Reset(null);
                return;
            }
            Reader.Receive(segment.Data);
            arrived = true;
        }
        if (_heldSince < 0 && _inFlight.TryPeek(out var next) && next.Due > now)
            ScheduleDrain(TimeSpan.FromTicks(next.Due - now));
        if (arrived)
            Reader.WakeReader();
    }

    private void Hold(long now)
    {
        if (_heldSince >= 0)
            return;
        _heldSince = now;
        Network.Hold(this);
        var since = now;
        var timeout = Network.World.Options.ConnectionTimeout;
        Network.World.Clock.Schedule(timeout, () =>
        {
            if (_heldSince == since && !_connection.IsReset)
                _connection.Reset($"data {From} -> {To} undeliverable for {TimeDistribution.Format(timeout)} (partition)");
        }, $"connection {_connection.Description} times out");
    }
}
