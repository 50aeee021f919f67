using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: order violation (use before initialization). The main thread starts a worker and only then sets the
/// configuration the worker reads, assuming the worker is slow to start; a worker that runs first reads null.
/// Fix: the worker waits on a <see cref="ManualResetEventSlim"/> that is set after the configuration is published.
/// </summary>
public static class OrderViolation
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "order-violation",
        Bug: "The main thread starts a worker before setting the configuration the worker reads; a worker that runs first reads null.",
        Fix: "The worker waits on a ManualResetEventSlim set after the configuration is published.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy()
    {
        var service = new Service();
        var worker = new Thread(() =>
        {
            var config = Volatile.Read(ref service.Config);
            Check.That(config is not null, "The worker used the configuration before the main thread initialized it.");
            service.ServedPort = config!.Port;
        });
        worker.Start();
        Volatile.Write(ref service.Config, new Config(8080));
        worker.Join();
        Check.That(service.ServedPort == 8080, "The worker served the wrong port.");
    }

    /// <summary>The fixed model.</summary>
    public static void Fixed()
    {
        var service = new Service();
        using var ready = new ManualResetEventSlim(false);
        var worker = new Thread(() =>
        {
            ready.Wait();
            var config = Volatile.Read(ref service.Config);
            Check.That(config is not null, "The worker used the configuration before the main thread initialized it.");
            service.ServedPort = config!.Port;
        });
        worker.Start();
        Volatile.Write(ref service.Config, new Config(8080));
        ready.Set();
        worker.Join();
        Check.That(service.ServedPort == 8080, "The worker served the wrong port.");
    }

    private sealed class Service
    {
        public Config? Config;
        public int ServedPort;
    }

    private sealed record Config(int Port);
}
