using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>Consumer.Xunit4.VsTest (xunit.v3.mtp-off 4.0.3, xunit.runner.visualstudio 4.0.1, Microsoft.NET.Test.Sdk 18.12.0) under VSTest: what docs/xunit.md promises (<see cref="XunitConsumerChecks"/>).</summary>
[Collection(PackagedConsumersCollection.Name)]
public sealed class Xunit4VsTestConsumerTests(PackagedConsumers packed) : Xunit4ConsumerChecks(packed, packed.XunitLines.Xunit4VsTest);
