using Xunit;

namespace Loom.Packaging.Tests;

/// <summary>Consumer.Xunit (xunit.v3 3.2.2, xunit.runner.visualstudio 3.1.5) under VSTest: what docs/xunit.md promises (<see cref="XunitConsumerChecks"/>).</summary>
[Collection(PackagedConsumersCollection.Name)]
public sealed class Xunit3VsTestConsumerTests(PackagedConsumers packed) : XunitConsumerChecks(packed, packed.XunitLines.Xunit3VsTest, Xunit3Build);
