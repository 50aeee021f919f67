using Xunit;

namespace Loom.Tests.Engine;

/// <summary>Tests that observe process-wide state (the worker pool, garbage collections) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "Process-wide state";
}
