using Loom.Simulation;

namespace Loom.Samples.Replication;

/// <summary>
/// A client of <see cref="KvServer"/> over datagrams: each call sends a request and waits for the reply, and sends
/// it again after <see cref="Timeout"/> until a reply comes.
/// </summary>
/// <param name="node">The node the client runs on.</param>
/// <param name="server">The store's node.</param>
/// <param name="clientId">The client's id, unique among the store's clients.</param>
/// <param name="useIdempotencyKeys">
/// Whether each change carries an idempotency key, the same on every retry. Without one (the bug), a retry after a
/// lost or slow reply, or a datagram the network duplicated, applies the change a second time.
/// </param>
public sealed class KvClient(SimNode node, string server, int clientId, bool useIdempotencyKeys) : IDisposable
{
    private readonly SimSocket _socket = node.Network.Bind();
    private Task<SimDatagram>? _receiving;
    private long _requests;
    private long _operations;

    /// <summary>How long to wait for a reply before sending the request again.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public Task<long> PutAsync(string key, long value) => CallAsync(KvOperation.Put, key, value);

    /// <summary>Adds <paramref name="delta"/> to <paramref name="key"/> and returns the sum.</summary>
    public Task<long> AddAsync(string key, long delta) => CallAsync(KvOperation.Add, key, delta);

    /// <summary>Reads <paramref name="key"/>.</summary>
    public Task<long> GetAsync(string key) => CallAsync(KvOperation.Get, key, 0);

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();

    private async Task<long> CallAsync(KvOperation operation, string key, long value)
    {
        var idempotencyKey = useIdempotencyKeys && operation != KvOperation.Get ? ++_operations : 0;
        while (true)
        {
            var request = new KvRequest(operation, clientId, ++_requests, idempotencyKey, key, value);
            await _socket.SendAsync(server, KvServer.Port, request.Encode());
            var timeout = Task.Delay(Timeout, node.Clock);
            while (true)
            {
                var receiving = _receiving ??= _socket.ReceiveAsync();
                if (await Task.WhenAny(receiving, timeout) == timeout)
                    break;
                _receiving = null;
                var reply = KvReply.Decode((await receiving).Data);
                if (reply.RequestId == request.RequestId)
                    return reply.Value;
                // A late reply to an earlier attempt: the retry's reply is the one to wait for.
            }
        }
    }
}
