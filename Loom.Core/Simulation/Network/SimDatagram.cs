namespace Loom.Simulation;

/// <summary>A datagram received by a <see cref="SimSocket"/>.</summary>
/// <param name="From">The sending node.</param>
/// <param name="FromPort">The sending socket's port.</param>
/// <param name="Data">The payload (a copy the receiver owns).</param>
public sealed record SimDatagram(string From, int FromPort, byte[] Data);
