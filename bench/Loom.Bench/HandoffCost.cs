using System.Diagnostics;
using System.Globalization;
using Loom.Runtime;

namespace Loom.Bench;

/// <summary>
/// The cost of passing control between two OS threads, the engine's inner loop: the same ping-pong with Loom's
/// baton and with the BCL primitives the design compared it to.
/// </summary>
internal static class HandoffCost
{
    private const int RoundTrips = 200_000;

    public static void Run(Report report)
    {
        var rows = new List<string[]>
        {
            Row("Loom Baton (spin, then Monitor wait)", () => PingPong(new BatonPair())),
            Row("SemaphoreSlim", () => PingPong(new SemaphorePair())),
            Row("ManualResetEventSlim, default spin", () => PingPong(new EventPair(spinCount: 35))),
            Row("ManualResetEventSlim, spin count 0 (kernel wait)", () => PingPong(new EventPair(spinCount: 0), roundTrips: 20_000)),
        };
        report.Table(
            "Thread handoff",
            $"Two OS threads pass control back and forth; nanoseconds per one-way handoff, median of 5 runs of {RoundTrips:N0} round trips (20,000 for the kernel wait).",
            ["mechanism", "ns per handoff"],
            rows);
    }

    private static string[] Row(string name, Func<double> measure)
    {
        measure();
        var samples = Enumerable.Range(0, 5).Select(_ => measure()).Order().ToList();
        return [name, samples[2].ToString("N0", CultureInfo.InvariantCulture)];
    }

    private static double PingPong(IPair pair, int roundTrips = RoundTrips)
    {
        var other = new System.Threading.Thread(() =>
        {
            for (var i = 0; i < roundTrips; i++)
            {
                pair.WaitB();
                pair.SignalA();
            }
        });
        other.Start();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < roundTrips; i++)
        {
            pair.SignalB();
            pair.WaitA();
        }
        clock.Stop();
        other.Join();
        return clock.Elapsed.TotalNanoseconds / (2.0 * roundTrips);
    }

    private interface IPair
    {
        void SignalA();

        void WaitA();

        void SignalB();

        void WaitB();
    }

    private sealed class BatonPair : IPair
    {
        private readonly Baton _a = new(), _b = new();

        public void SignalA() => _a.Signal();

        public void WaitA() => _a.Wait(System.Threading.Timeout.Infinite);

        public void SignalB() => _b.Signal();

        public void WaitB() => _b.Wait(System.Threading.Timeout.Infinite);
    }

    private sealed class SemaphorePair : IPair
    {
        private readonly System.Threading.SemaphoreSlim _a = new(0), _b = new(0);

        public void SignalA() => _a.Release();

        public void WaitA() => _a.Wait();

        public void SignalB() => _b.Release();

        public void WaitB() => _b.Wait();
    }

    private sealed class EventPair(int spinCount) : IPair
    {
        private readonly System.Threading.ManualResetEventSlim _a = new(false, spinCount), _b = new(false, spinCount);

        public void SignalA() => _a.Set();

        public void WaitA()
        {
            _a.Wait();
            _a.Reset();
        }

        public void SignalB() => _b.Set();

        public void WaitB()
        {
            _b.Wait();
            _b.Reset();
        }
    }
}
