using Xunit;

namespace Loom.Adapters.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class NUnitEndToEnd : ICollectionFixture<NUnitFixtures>
{
    public const string Name = "NUnit end-to-end (fixture projects)";
}

[CollectionDefinition(Name)]
public sealed class MSTestEndToEnd : ICollectionFixture<MSTestFixtures>
{
    public const string Name = "MSTest end-to-end (fixture projects)";
}
