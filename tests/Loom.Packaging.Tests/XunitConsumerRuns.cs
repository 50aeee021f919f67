using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Loom.Packaging.Tests;

/// <summary>
/// The xUnit consumers on each supported xUnit line and runner, each run by <see cref="XunitConsumerRun"/>:
/// xunit.v3 3.2.2 (Consumer.Xunit) under VSTest and under Microsoft.Testing.Platform, xunit.v3 4.0.3 on the
/// platform (Consumer.Xunit4.Mtp), and xunit.v3.mtp-off 4.0.3 under VSTest (Consumer.Xunit4.VsTest).
/// </summary>
public sealed class XunitConsumerRuns
{
    /// <summary>The consumer projects these runs need built.</summary>
    public static readonly string[] Consumers = ["Consumer.Xunit4.Mtp", "Consumer.Xunit4.VsTest"];

    /// <param name="root">The folder the consumers were copied to and built in.</param>
    /// <param name="platformFolder">The folder whose global.json puts <c>dotnet test</c> in Microsoft.Testing.Platform mode.</param>
    /// <param name="timings">Where each consumer's time is recorded.</param>
    public XunitConsumerRuns(string root, string platformFolder, List<(string Step, TimeSpan Elapsed)> timings)
    {
        Xunit3VsTest = Timed(timings, () => new XunitConsumerRun(root, "Consumer.Xunit", vsTest: true));
        Xunit3Mtp = Timed(timings, () => new XunitConsumerRun(root, "Consumer.Xunit", vsTest: false, platformFolder));
        // The fixture's own global.json selects the platform, as a user's would.
        Xunit4Mtp = Timed(timings, () => new XunitConsumerRun(root, "Consumer.Xunit4.Mtp", vsTest: false));
        Xunit4VsTest = Timed(timings, () => new XunitConsumerRun(root, "Consumer.Xunit4.VsTest", vsTest: true));
    }

    public XunitConsumerRun Xunit3VsTest { get; }

    public XunitConsumerRun Xunit3Mtp { get; }

    public XunitConsumerRun Xunit4Mtp { get; }

    public XunitConsumerRun Xunit4VsTest { get; }

    private static XunitConsumerRun Timed(List<(string Step, TimeSpan Elapsed)> timings, Func<XunitConsumerRun> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        timings.Add(($"{result}: full, regressions, one schedule, one seed", watch.Elapsed));
        return result;
    }
}
