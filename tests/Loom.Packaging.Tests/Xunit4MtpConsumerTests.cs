using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>Consumer.Xunit4.Mtp (xunit.v3 4.0.3) under Microsoft.Testing.Platform 2.x, selected by its global.json: what docs/xunit.md promises (<see cref="XunitConsumerChecks"/>).</summary>
[Collection(PackagedConsumersCollection.Name)]
public sealed class Xunit4MtpConsumerTests(PackagedConsumers packed) : Xunit4ConsumerChecks(packed, packed.XunitLines.Xunit4Mtp);
