using System;

namespace Loom.Runtime;

/// <summary>Why an execution failed, as first recorded; turned into a public <see cref="LoomFailure"/> by the explorer.</summary>
internal sealed record ExecutionFailure(FailureKind Kind, string Message, int? Thread, Exception? Exception, int Step);
