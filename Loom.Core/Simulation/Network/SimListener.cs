using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Simulation;

/// <summary>Listens on a port of a simulated node and hands out the connections other nodes open to it.</summary>
public sealed class SimListener : IDisposable, IIncarnationResource
{
    private readonly SimNodeNetwork _network;
    private readonly NodeIncarnation _life;
    private readonly Queue<SimStream> _backlog = new();
    private readonly Queue<(TaskCompletionSource<SimStream> Completion, CancellationTokenRegistration Registration)> _waiters = new();
    private bool _closed;

    internal SimListener(SimNodeNetwork network, NodeIncarnation life, int port)
    {
        _network = network;
        _life = life;
        Port = port;
    }

    /// <summary>The node listening.</summary>
    public SimNode Node => _network.Node;

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    internal NodeIncarnation Life => _life;

    /// <summary>Waits for the next incoming connection.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server side of the connection.</returns>
    /// <exception cref="ObjectDisposedException">The listener is closed.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">Through the task: the listener was closed while waiting (<see cref="System.Net.Sockets.SocketError.OperationAborted"/>).</exception>
    public Task<SimStream> AcceptAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _network.Enter(nameof(AcceptAsync));
        if (_backlog.TryDequeue(out var stream))
            return Task.FromResult(stream);
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<SimStream>(cancellationToken);
        var completion = new TaskCompletionSource<SimStream>();
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(() => ContextFree.Run(() => completion.TrySetCanceled(cancellationToken)))
            : default;
        _waiters.Enqueue((completion, registration));
        return completion.Task;
    }

    /// <summary>Stops listening: waiting accepts fail, connections not yet accepted are reset, the port is free again.</summary>
    public void Dispose()
    {
        if (_closed)
            return;
        _closed = true;
        _network.Remove(this);
        _life.Disown(this);
        while (_backlog.TryDequeue(out var stream))
            stream.Connection.Reset(null);
        ContextFree.Run(() =>
        {
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetException(NetworkErrors.Aborted());
            }
        });
    }

    void IIncarnationResource.OnOwnerDied(bool crashed)
    {
        _closed = true;
        _network.Remove(this);
    }

    /// <summary>A connection arrived: hands it to a waiting accept, or queues it.</summary>
    internal void Arrive(SimStream server)
    {
        while (_waiters.TryDequeue(out var waiter))
        {
            waiter.Registration.Dispose();
            if (waiter.Completion.Task.IsCompleted)
                continue;
            waiter.Completion.TrySetResult(server);
            return;
        }
        _backlog.Enqueue(server);
    }
}
