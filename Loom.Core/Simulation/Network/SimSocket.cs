using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Simulation;

/// <summary>
/// A datagram socket of a simulated node: it sends datagrams to a node and port, which the network may lose,
/// duplicate, delay and reorder, and receives the ones addressed to its port.
/// </summary>
public sealed class SimSocket : IDisposable, IIncarnationResource
{
    /// <summary>The largest payload of one datagram, as for UDP over IPv4.</summary>
    public const int MaxDatagramSize = 65507;

    private readonly SimNodeNetwork _network;
    private readonly NodeIncarnation _life;
    private readonly Queue<SimDatagram> _received = new();
    private readonly Queue<Waiter> _waiters = new();
    private bool _closed;

    internal SimSocket(SimNodeNetwork network, NodeIncarnation life, int port)
    {
        _network = network;
        _life = life;
        Port = port;
    }

    /// <summary>The node the socket belongs to.</summary>
    public SimNode Node => _network.Node;

    /// <summary>The socket's port.</summary>
    public int Port { get; }

    /// <summary>How many received datagrams wait to be read.</summary>
    public int Available => _received.Count;

    /// <summary>Sends a datagram to <paramref name="port"/> on <paramref name="node"/> (a node may send to itself). Delivery is not guaranteed.</summary>
    /// <param name="node">The receiving node.</param>
    /// <param name="port">The receiving port.</param>
    /// <param name="data">The payload, copied.</param>
    /// <exception cref="ArgumentException">No node has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The payload is larger than <see cref="MaxDatagramSize"/> (<see cref="System.Net.Sockets.SocketError.MessageSize"/>).</exception>
    /// <exception cref="ObjectDisposedException">The socket is closed.</exception>
    public void Send(string node, int port, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (port is < 1 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is a number from 1 to 65535.");
        ThrowIfClosed();
        _network.Enter(nameof(Send));
        if (data.Length > MaxDatagramSize)
            throw NetworkErrors.MessageSize();
        Node.World.Network.SendDatagram(Node, Port, node, port, data.ToArray());
    }

    /// <summary>Sends a datagram; completes at once (the network takes it from there).</summary>
    /// <param name="node">The receiving node.</param>
    /// <param name="port">The receiving port.</param>
    /// <param name="data">The payload, copied.</param>
    /// <param name="cancellationToken">Not used: sending does not wait.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentException">No node has that name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is out of range.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The payload is too large.</exception>
    /// <exception cref="ObjectDisposedException">The socket is closed.</exception>
    public ValueTask SendAsync(string node, int port, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Send(node, port, data.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Receives the next datagram addressed to this socket, waiting for one if none is queued.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The datagram.</returns>
    /// <exception cref="ObjectDisposedException">The socket is closed.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">Through the task: the socket was closed while waiting (<see cref="System.Net.Sockets.SocketError.OperationAborted"/>).</exception>
    public Task<SimDatagram> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        _network.Enter(nameof(ReceiveAsync));
        if (_received.TryDequeue(out var datagram))
            return Task.FromResult(datagram);
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<SimDatagram>(cancellationToken);
        var waiter = new Waiter(new TaskCompletionSource<SimDatagram>());
        if (cancellationToken.CanBeCanceled)
            waiter.Registration = cancellationToken.Register(() => ContextFree.Run(() => waiter.Completion.TrySetCanceled(cancellationToken)));
        _waiters.Enqueue(waiter);
        return waiter.Completion.Task;
    }

    /// <summary>Takes a queued datagram without waiting.</summary>
    /// <param name="datagram">The datagram, if one was queued.</param>
    /// <returns>Whether one was.</returns>
    /// <exception cref="ObjectDisposedException">The socket is closed.</exception>
    public bool TryReceive(out SimDatagram? datagram)
    {
        ThrowIfClosed();
        return _received.TryDequeue(out datagram);
    }

    /// <summary>Closes the socket: its port is free again, and waiting receives fail with <see cref="System.Net.Sockets.SocketError.OperationAborted"/>.</summary>
    public void Dispose()
    {
        if (_closed)
            return;
        Close();
        _life.Disown(this);
        ContextFree.Run(() =>
        {
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetException(NetworkErrors.Aborted());
            }
        });
    }

    void IIncarnationResource.OnOwnerDied(bool crashed) => Close();

    internal void Enqueue(SimDatagram datagram)
    {
        if (_closed)
            return;
        while (_waiters.TryDequeue(out var waiter))
        {
            waiter.Registration.Dispose();
            if (waiter.Completion.Task.IsCompleted)
                continue;
            // Completed last: a continuation that runs inline sees the socket in a consistent state.
            waiter.Completion.TrySetResult(datagram);
            return;
        }
        _received.Enqueue(datagram);
    }

    private void Close()
    {
        _closed = true;
        _network.Remove(this);
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    private sealed class Waiter(TaskCompletionSource<SimDatagram> completion)
    {
        public TaskCompletionSource<SimDatagram> Completion { get; } = completion;

        public CancellationTokenRegistration Registration { get; set; }
    }
}
