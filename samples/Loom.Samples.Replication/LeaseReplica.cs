using System.Buffers.Binary;
using Loom.Simulation;

namespace Loom.Samples.Replication;

/// <summary>
/// One of three replicas that elect a leader (terms and votes, as in Raft) and let it accept writes alone while it
/// holds a lease: the writes a client broadcasts are accepted by the leader only. A lease lasts <see cref="Lease"/>
/// from the sending of a heartbeat that a majority acknowledged; a replica that heard from a leader less than
/// <see cref="NoVoteWindow"/> ago votes for no one, so a new leader is elected only after the old lease ran out.
/// All times are on the node's own (drifting) monotonic clock.
/// </summary>
/// <param name="node">The node the replica runs on.</param>
/// <param name="peers">The other replicas.</param>
/// <param name="history">Where accepted writes are recorded (the test's observer).</param>
/// <param name="ignoreOthersWhileLeader">
/// The bug: a leader ignores other replicas' heartbeats and vote requests ("I am the leader"), and considers its
/// leadership good while it has heard anything from a majority lately, instead of counting the acknowledgements of its
/// own heartbeats; it learns of a newer term only when its own heartbeats are refused. An asymmetric partition where
/// it can hear but not be heard lets the others elect a new leader while it goes on accepting writes, for as long as
/// the partition lasts. The fix: a lease counted from acknowledged heartbeats, and any message of a newer term makes
/// a leader step down.
/// </param>
public sealed class LeaseReplica(SimNode node, IReadOnlyList<string> peers, WriteHistory history, bool ignoreOthersWhileLeader)
{
    /// <summary>The port replicas and clients talk to.</summary>
    public const int Port = 6000;

    /// <summary>How often a leader sends heartbeats.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a leader may act alone after a heartbeat a majority acknowledged.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(200);

    /// <summary>How long after hearing from a leader a replica refuses to vote (a margin above <see cref="Lease"/> for drift).</summary>
    public static readonly TimeSpan NoVoteWindow = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a replica checks its timers.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(25);

    private readonly Dictionary<long, (long Sent, HashSet<string> Acks)> _rounds = new();
    private readonly Dictionary<string, long> _lastHeard = new();
    private Role _role;
    private long _term;
    private string? _votedFor;
    private int _votes;
    private long _leaderContact = long.MinValue / 2;
    private long _electionDeadline;
    private long _nextHeartbeat;
    private long _round;
    private long _leaseExpiry;

    private enum Role
    {
        Follower,
        Candidate,
        Leader,
    }

    private enum Kind : byte
    {
        Heartbeat = 1,
        HeartbeatAck = 2,
        RequestVote = 3,
        Vote = 4,

        /// <summary>A client's write, broadcast to every replica.</summary>
        Write = 5,
    }

    private long Now => node.Clock.GetTimestamp();

    private int Majority => (peers.Count + 1) / 2 + 1;

    /// <summary>Encodes a client's write of <paramref name="write"/>.</summary>
    public static byte[] WriteMessage(long write) => Encode(Kind.Write, 0, write, false);

    /// <summary>The node's entry point.</summary>
    public async Task RunAsync()
    {
        using var socket = node.Network.Bind(Port);
        ResetElectionTimer();
        _ = RunTimers(socket);
        while (true)
        {
            var datagram = await socket.ReceiveAsync();
            Handle(socket, datagram.From, datagram.Data);
        }
    }

    private async Task RunTimers(SimSocket socket)
    {
        while (true)
        {
            await Task.Delay(Tick, node.Clock);
            if (_role == Role.Leader)
            {
                if (Now >= _nextHeartbeat)
                {
                    _round++;
                    _rounds[_round] = (Now, new HashSet<string>());
                    Broadcast(socket, Kind.Heartbeat, _round);
                    _nextHeartbeat = Now + HeartbeatInterval.Ticks;
                }
            }
            else if (Now >= _electionDeadline)
            {
                _term++;
                _role = Role.Candidate;
                _votedFor = node.Name;
                _votes = 1;
                ResetElectionTimer();
                Broadcast(socket, Kind.RequestVote, 0);
            }
        }
    }

    private void Handle(SimSocket socket, string from, byte[] message)
    {
        var kind = (Kind)message[0];
        var term = BinaryPrimitives.ReadInt64LittleEndian(message.AsSpan(1));
        var number = BinaryPrimitives.ReadInt64LittleEndian(message.AsSpan(9));
        var flag = message[17] != 0;
        if (kind != Kind.Write)
            _lastHeard[from] = Now;
        switch (kind)
        {
            case Kind.Write:
                if (_role == Role.Leader && HoldsLease())
                    history.Accept(node.World.Clock.Elapsed, node.Name, _term, number);
                break;

            case Kind.Heartbeat:
                if (ignoreOthersWhileLeader && _role == Role.Leader)
                    break;
                if (term < _term)
                {
                    Send(socket, from, Kind.HeartbeatAck, number, false);
                    break;
                }
                if (term > _term || _role != Role.Follower)
                    BecomeFollower(term);
                _leaderContact = Now;
                ResetElectionTimer();
                Send(socket, from, Kind.HeartbeatAck, number, true);
                break;

            case Kind.HeartbeatAck:
                if (term > _term)
                {
                    BecomeFollower(term);
                    break;
                }
                if (_role == Role.Leader && term == _term && flag && _rounds.TryGetValue(number, out var round))
                {
                    round.Acks.Add(from);
                    if (round.Acks.Count + 1 >= Majority)
                    {
                        _leaseExpiry = Math.Max(_leaseExpiry, round.Sent + Lease.Ticks);
                        _leaderContact = Now;
                    }
                }
                break;

            case Kind.RequestVote:
                if (ignoreOthersWhileLeader && _role == Role.Leader)
                    break;
                // Leader stickiness: while a leader's lease may still run, no vote, and no new term either.
                if (Now - _leaderContact < NoVoteWindow.Ticks)
                    break;
                if (term > _term)
                    BecomeFollower(term);
                var granted = term == _term && (_votedFor is null || _votedFor == from);
                if (granted)
                {
                    _votedFor = from;
                    ResetElectionTimer();
                }
                Send(socket, from, Kind.Vote, 0, granted);
                break;

            case Kind.Vote:
                if (term > _term)
                    BecomeFollower(term);
                else if (_role == Role.Candidate && term == _term && flag && ++_votes >= Majority)
                    BecomeLeader();
                break;
        }
    }

    /// <summary>Whether the leader may accept a write now.</summary>
    private bool HoldsLease()
    {
        if (!ignoreOthersWhileLeader)
            return Now < _leaseExpiry;
        // The bug: any message from a majority lately counts as still being in charge.
        var heard = 1 + peers.Count(p => _lastHeard.TryGetValue(p, out var at) && Now - at < Lease.Ticks);
        return heard >= Majority;
    }

    private void BecomeFollower(long term)
    {
        if (term > _term)
            _votedFor = null;
        _term = term;
        _role = Role.Follower;
    }

    private void BecomeLeader()
    {
        _role = Role.Leader;
        _rounds.Clear();
        _leaseExpiry = 0;
        _nextHeartbeat = Now;
    }

    private void ResetElectionTimer()
    {
        // 300 to 600 ms, drawn from the node's seeded random source.
        _electionDeadline = Now + TimeSpan.FromMilliseconds(300 + node.Random.Next(300)).Ticks;
    }

    private void Broadcast(SimSocket socket, Kind kind, long number)
    {
        foreach (var peer in peers)
            Send(socket, peer, kind, number, false);
    }

    private void Send(SimSocket socket, string to, Kind kind, long number, bool flag) =>
        socket.Send(to, Port, Encode(kind, _term, number, flag));

    private static byte[] Encode(Kind kind, long term, long number, bool flag)
    {
        var bytes = new byte[18];
        bytes[0] = (byte)kind;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(1), term);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(9), number);
        bytes[17] = flag ? (byte)1 : (byte)0;
        return bytes;
    }
}
