using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Simulation;

/// <summary>
/// A stream connection between two nodes: two <see cref="SimStream"/> endpoints and a <see cref="StreamPipe"/> each
/// way. It is set up by a handshake that crosses the network both ways, and it ends when both sides close, or at once
/// for both when it resets.
/// </summary>
internal sealed class SimConnection
{
    private readonly SimNetwork _network;
    private readonly TaskCompletionSource<SimStream> _connected = new();
    private CancellationTokenRegistration _cancellation;
    private SimTimer? _timeout;

    private SimConnection(SimNetwork network, SimNode client, NodeIncarnation clientLife, int clientPort, SimNode server, int serverPort)
    {
        _network = network;
        ToServer = new StreamPipe(this, client.Name, server.Name);
        ToClient = new StreamPipe(this, server.Name, client.Name);
        Client = new SimStream(this, client, clientLife, clientPort, server.Name, serverPort, ToClient, ToServer);
        ToClient.Reader = Client;
        ServerNode = server;
        ServerPort = serverPort;
        Description = $"{client.Name}:{clientPort} -> {server.Name}:{serverPort}";
    }

    public StreamPipe ToServer { get; }

    public StreamPipe ToClient { get; }

    public SimStream Client { get; }

    /// <summary>The server's endpoint, once the connection request has reached a listener.</summary>
    public SimStream? Server { get; private set; }

    public SimNode ServerNode { get; }

    public int ServerPort { get; }

    public string Description { get; }

    public bool IsReset { get; private set; }

    public SimNetwork Network => _network;

    /// <summary>Starts the handshake: SYN to the server, SYN-ACK (or a refusal) back, all over the simulated links.</summary>
    public static Task<SimStream> Open(SimNetwork network, SimNode client, NodeIncarnation clientLife, int clientPort, SimNode server, int serverPort, CancellationToken cancellationToken)
    {
        var connection = new SimConnection(network, client, clientLife, clientPort, server, serverPort);
        clientLife.Own(connection.Client);
        var world = network.World;
        connection._timeout = world.Clock.Schedule(
            world.Options.ConnectionTimeout,
            () => connection.Fail(NetworkErrors.TimedOut()),
            $"connect {connection.Description} times out",
            () => clientLife);
        if (cancellationToken.CanBeCanceled)
            connection._cancellation = cancellationToken.Register(() => ContextFree.Run(() => connection.Cancel(cancellationToken)));
        connection.Cross(client.Name, server.Name, "connect (SYN)", () => server.Life, connection.SynArrives);
        return connection._connected.Task;
    }

    /// <summary>Sends a handshake packet across a link: lost to a partition, delayed by latency and clogs.</summary>
    private void Cross(string from, string to, string what, Func<NodeIncarnation> owner, Action arrive)
    {
        if (_network.IsBlocked(from, to))
            return;
        var now = _network.Now;
        var due = Math.Max(now + _network.FaultsOf(from, to).Latency.Sample(_network.Random).Ticks, _network.ClogEnd(from, to));
        _network.World.Clock.Schedule(TimeSpan.FromTicks(due - now), () =>
        {
            if (!_network.IsBlocked(from, to))
                arrive();
        }, $"{what} {from} -> {to}", owner);
    }

    private void SynArrives()
    {
        if (_connected.Task.IsCompleted)
            return;
        var listener = ServerNode.Network.ListenerAt(ServerPort);
        if (listener is null)
        {
            Cross(ServerNode.Name, Client.LocalNode.Name, "refuse (RST)", () => Client.Life, () => Fail(NetworkErrors.Refused()));
            return;
        }
        Server = new SimStream(this, ServerNode, listener.Life, ServerPort, Client.LocalNode.Name, Client.LocalPort, ToServer, ToClient);
        ToServer.Reader = Server;
        listener.Life.Own(Server);
        listener.Arrive(Server);
        Cross(ServerNode.Name, Client.LocalNode.Name, "accept (SYN-ACK)", () => Client.Life, SynAckArrives);
    }

    private void SynAckArrives()
    {
        if (_connected.Task.IsCompleted)
        {
            // The client gave up (timed out or cancelled) meanwhile: its stack answers with a reset.
            Reset(null);
            return;
        }
        Finish();
        _connected.TrySetResult(Client);
    }

    private void Fail(Exception error)
    {
        if (_connected.Task.IsCompleted)
            return;
        Finish();
        Abandon();
        _connected.TrySetException(error);
    }

    private void Cancel(CancellationToken token)
    {
        if (_connected.Task.IsCompleted)
            return;
        Finish();
        Abandon();
        _connected.TrySetCanceled(token);
    }

    private void Finish()
    {
        _timeout?.Dispose();
        _cancellation.Dispose();
    }

    /// <summary>The client gave up before the connection was established: its port is free, a half-open server side resets.</summary>
    private void Abandon()
    {
        Client.Life.Disown(Client);
        Client.LocalNode.Network.ReleaseConnectionPort(Client.LocalPort);
        if (Server is not null)
            Reset(null);
    }

    /// <summary>Resets the connection: both ends fail their pending and later reads and writes. <paramref name="why"/>, if given, is an injected fault to record.</summary>
    public void Reset(string? why)
    {
        if (IsReset)
            return;
        IsReset = true;
        if (why is not null)
            _network.World.Record(SimEventKind.Network, Description, $"connection reset: {why}");
        ToServer.Clear();
        ToClient.Clear();
        ContextFree.Run(() =>
        {
            Client.OnReset();
            Server?.OnReset();
        });
    }

    /// <summary>
    /// One endpoint's node crashed, or exited with unread data. Its peer learns of it by a reset: after the connection
    /// timeout for a crash (the dead machine sends nothing; the peer's retransmissions go unanswered), after one
    /// latency for an exit (the kernel resets a socket closed with unread data).
    /// </summary>
    public void EndpointDied(SimStream dead, bool crashed)
    {
        var peer = dead == Client ? Server : Client;
        if (peer is null || IsReset)
            return;
        var delay = crashed
            ? _network.World.Options.ConnectionTimeout
            : _network.FaultsOf(dead.LocalNode.Name, peer.LocalNode.Name).Latency.Sample(_network.Random);
        var why = crashed ? $"{dead.LocalNode.Name} crashed and stopped answering" : null;
        _network.World.Clock.Schedule(delay, () => Reset(why), $"connection {Description} resets", () => peer.Life);
    }
}
