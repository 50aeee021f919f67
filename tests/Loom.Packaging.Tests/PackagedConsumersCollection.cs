using Xunit;

namespace Loom.Packaging.Tests;

[CollectionDefinition(Name)]
public sealed class PackagedConsumersCollection : ICollectionFixture<PackagedConsumers>
{
    public const string Name = "packed packages and their consumers";
}
