using System;
using System.Collections.Generic;
using Loom.Cases;
using Xunit.Sdk;
using Xunit.v3;

namespace Loom.Xunit;

/// <summary>
/// One discovered case of a <see cref="LoomTheoryAttribute"/> theory: a schedule, a seed, or a group of
/// schedules. It serializes its case and the theory's options, so a runner (or an IDE) that runs a selected case
/// in another process runs exactly the same schedules. How it runs depends on the xUnit major version it is
/// built for (Xunit3/, Xunit4/).
/// </summary>
public sealed partial class LoomXunitTestCase : XunitTestCase, ISelfExecutingXunitTestCase
{
    private LoomCase? _case;
    private LoomTheorySettings? _settings;
    private string? _sourceFilePath;

    /// <summary>Used by the deserializer only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public LoomXunitTestCase()
    {
    }

    internal LoomXunitTestCase(
        IXunitTestMethod testMethod,
        string displayName,
        string uniqueId,
        bool @explicit,
        string? skipReason,
        Dictionary<string, HashSet<string>> traits,
        string? sourceFilePath,
        int? sourceLineNumber,
        int timeout,
        LoomCase loomCase,
        LoomTheorySettings settings)
        : base(testMethod, displayName, uniqueId, @explicit, skipReason: skipReason, traits: traits,
            sourceFilePath: sourceFilePath, sourceLineNumber: sourceLineNumber, timeout: timeout)
    {
        _case = loomCase;
        _settings = settings;
        _sourceFilePath = sourceFilePath;
    }

    /// <summary>The Loom case: which schedule, seed or schedules this test case runs.</summary>
    public LoomCase Case => _case ?? throw new InvalidOperationException("The test case was not deserialized.");

    /// <summary>The theory's options, as the attribute set them.</summary>
    public LoomTheorySettings Settings => _settings ?? throw new InvalidOperationException("The test case was not deserialized.");

    /// <summary>The method as the shared case layer knows it (its regressions file is beside <see cref="MethodIdentity.SourceFilePath"/>).</summary>
    public MethodIdentity Identity =>
        new(TestMethod.TestClass.Class.FullName ?? TestMethod.TestClass.TestClassName, TestMethod.MethodName, _sourceFilePath);

    /// <inheritdoc />
    protected override void Serialize(IXunitSerializationInfo info)
    {
        base.Serialize(info);
        info.AddValue("loom.case", Case.ToText());
        info.AddValue("loom.settings", Settings.ToText());
        if (_sourceFilePath is not null)
            info.AddValue("loom.source", _sourceFilePath);
    }

    /// <inheritdoc />
    protected override void Deserialize(IXunitSerializationInfo info)
    {
        base.Deserialize(info);
        _case = LoomCase.Parse(info.GetValue<string>("loom.case") ?? throw new FormatException("The serialized Loom test case has no case."));
        _settings = LoomTheorySettings.Parse(info.GetValue<string>("loom.settings") ?? "");
        _sourceFilePath = info.GetValue<string>("loom.source");
    }
}
