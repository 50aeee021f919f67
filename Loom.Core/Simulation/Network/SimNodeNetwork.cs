using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// A node's network interface: stream connections (<see cref="ConnectAsync"/>, <see cref="Listen"/>) that expose
/// a <see cref="System.IO.Stream"/>, and datagram sockets (<see cref="Bind"/>). What it opens belongs to the node's
/// current incarnation and vanishes when the node crashes.
/// </summary>
public sealed class SimNodeNetwork
{
    /// <summary>The first port handed out when a caller asks for any port.</summary>
    private const int FirstEphemeralPort = 49152;

    private readonly SimNode _node;
    private readonly Dictionary<int, SimSocket> _sockets = new();
    private readonly Dictionary<int, SimListener> _listeners = new();
    private readonly HashSet<int> _connectionPorts = new();
    private int _nextEphemeral = FirstEphemeralPort;

    internal SimNodeNetwork(SimNode node) => _node = node;

    /// <summary>The node this interface belongs to.</summary>
    public SimNode Node => _node;

    /// <summary>Opens a datagram socket on <paramref name="port"/> (0 for any free port).</summary>
    /// <param name="port">The port, from 1 to 65535, or 0 for any.</param>
    /// <returns>The socket.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The port is in use (<see cref="System.Net.Sockets.SocketError.AddressAlreadyInUse"/>).</exception>
    /// <exception cref="InvalidOperationException">The node is down, or another node's code calls it.</exception>
    public SimSocket Bind(int port = 0)
    {
        CheckPort(port, allowAny: true);
        var life = Enter(nameof(Bind));
        if (port == 0)
            port = AllocatePort();
        else if (_sockets.ContainsKey(port))
            throw NetworkErrors.AddressInUse();
        var socket = new SimSocket(this, life, port);
        _sockets.Add(port, socket);
        life.Own(socket);
        return socket;
    }

    /// <summary>Starts listening for connections on <paramref name="port"/>.</summary>
    /// <param name="port">The port, from 1 to 65535.</param>
    /// <returns>The listener.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The port is in use (<see cref="System.Net.Sockets.SocketError.AddressAlreadyInUse"/>).</exception>
    /// <exception cref="InvalidOperationException">The node is down, or another node's code calls it.</exception>
    public SimListener Listen(int port)
    {
        CheckPort(port, allowAny: false);
        var life = Enter(nameof(Listen));
        if (_listeners.ContainsKey(port))
            throw NetworkErrors.AddressInUse();
        var listener = new SimListener(this, life, port);
        _listeners.Add(port, listener);
        life.Own(listener);
        return listener;
    }

    /// <summary>
    /// Connects to <paramref name="port"/> on node <paramref name="node"/>. The handshake crosses the network both
    /// ways, with the links' latencies and partitions.
    /// </summary>
    /// <param name="node">The node to connect to.</param>
    /// <param name="port">Its port, from 1 to 65535.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The connection's stream, once established.</returns>
    /// <exception cref="ArgumentException">No node has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">
    /// Through the task: nothing listens there (<see cref="System.Net.Sockets.SocketError.ConnectionRefused"/>), or no
    /// answer came within <see cref="SimulationOptions.ConnectionTimeout"/> (<see cref="System.Net.Sockets.SocketError.TimedOut"/>).
    /// </exception>
    /// <exception cref="InvalidOperationException">This node is down, or another node's code calls it.</exception>
    public Task<SimStream> ConnectAsync(string node, int port, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        CheckPort(port, allowAny: false);
        var target = _node.World.FindNode(node) ?? throw _node.World.UnknownNode(node, nameof(node));
        var life = Enter(nameof(ConnectAsync));
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<SimStream>(cancellationToken);
        var localPort = AllocatePort();
        _connectionPorts.Add(localPort);
        return SimConnection.Open(_node.World.Network, _node, life, localPort, target, port, cancellationToken);
    }

    internal void Deliver(int port, SimDatagram datagram)
    {
        if (_sockets.TryGetValue(port, out var socket))
            socket.Enqueue(datagram);
    }

    internal SimListener? ListenerAt(int port) => _listeners.GetValueOrDefault(port);

    internal void Remove(SimSocket socket) => _sockets.Remove(socket.Port);

    internal void Remove(SimListener listener) => _listeners.Remove(listener.Port);

    internal void ReleaseConnectionPort(int port) => _connectionPorts.Remove(port);

    /// <summary>
    /// The node's current incarnation, for an operation on its interface. The node must be up, and the caller must be
    /// its own code or the model's (a node cannot open sockets on another).
    /// </summary>
    internal NodeIncarnation Enter(string api)
    {
        var me = _node.World.RunningThread(api);
        if (me.Killed)
            throw new ExecutionAbortedException();
        if (!_node.IsUp)
            throw new InvalidOperationException($"Node '{_node.Name}' is {_node.State.ToString().ToLowerInvariant()}: its network interface is gone until it restarts.");
        if (SimNode.Current is { } caller && caller != _node)
            throw new InvalidOperationException($"Code of node '{caller.Name}' used the network interface of node '{_node.Name}'; each node uses its own (the SimNode its entry point receives).");
        return _node.Life;
    }

    private int AllocatePort()
    {
        for (var tries = 0; tries < 65536 - FirstEphemeralPort; tries++)
        {
            var port = _nextEphemeral;
            _nextEphemeral = _nextEphemeral == 65535 ? FirstEphemeralPort : _nextEphemeral + 1;
            if (!_sockets.ContainsKey(port) && !_listeners.ContainsKey(port) && !_connectionPorts.Contains(port))
                return port;
        }
        throw NetworkErrors.AddressInUse();
    }

    private static void CheckPort(int port, bool allowAny)
    {
        if (port < (allowAny ? 0 : 1) || port > 65535)
            throw new ArgumentOutOfRangeException(nameof(port), port, $"A port is a number from {(allowAny ? "0 (any port)" : "1")} to 65535.");
    }
}
