using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>Consumer.Xunit (xunit.v3 3.2.2) under Microsoft.Testing.Platform 1.x: what docs/xunit.md promises (<see cref="XunitConsumerChecks"/>).</summary>
[Collection(PackagedConsumersCollection.Name)]
public sealed class Xunit3MtpConsumerTests(PackagedConsumers packed) : XunitConsumerChecks(packed, packed.XunitLines.Xunit3Mtp, Xunit3Build);
