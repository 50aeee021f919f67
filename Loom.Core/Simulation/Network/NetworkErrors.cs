using System.IO;
using System.Net.Sockets;

namespace Loom.Simulation;

/// <summary>The exceptions real socket code gets, with the same types, error codes and messages as System.Net's.</summary>
internal static class NetworkErrors
{
    public static IOException ResetOnRead() =>
        new("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));

    public static IOException ResetOnWrite() =>
        new("Unable to write data to the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));

    public static SocketException Refused() => new((int)SocketError.ConnectionRefused);

    public static SocketException TimedOut() => new((int)SocketError.TimedOut);

    public static SocketException AddressInUse() => new((int)SocketError.AddressAlreadyInUse);

    public static SocketException Aborted() => new((int)SocketError.OperationAborted);

    public static SocketException MessageSize() => new((int)SocketError.MessageSize);
}
