namespace Loom.Simulation;

/// <summary>Something a node incarnation opened (a socket, a listener, a connection, a file handle) that dies with it.</summary>
internal interface IIncarnationResource
{
    /// <summary>The incarnation crashed (<paramref name="crashed"/>) or exited: close without the usual goodbyes.</summary>
    void OnOwnerDied(bool crashed);
}
