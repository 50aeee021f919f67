using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Loom.MSTest;

/// <summary>
/// The TestContext a test class gets while discovery runs its body to list schedules: it holds properties and
/// discards what the test writes (nothing is being reported yet).
/// </summary>
internal sealed class DiscoveryTestContext : TestContext
{
    private readonly Dictionary<string, object?> _properties = new();

    /// <inheritdoc />
    public override IDictionary<string, object?> Properties => _properties;

    /// <inheritdoc />
    public override void AddResultFile(string fileName)
    {
    }

    /// <inheritdoc />
    public override void Write(string? message)
    {
    }

    /// <inheritdoc />
    public override void Write(string format, params object?[] args)
    {
    }

    /// <inheritdoc />
    public override void WriteLine(string? message)
    {
    }

    /// <inheritdoc />
    public override void WriteLine(string format, params object?[] args)
    {
    }

    /// <inheritdoc />
    public override void DisplayMessage(MessageLevel messageLevel, string message)
    {
    }
}
