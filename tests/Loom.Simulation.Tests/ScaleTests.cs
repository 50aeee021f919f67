using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class ScaleTests
{
    [Fact]
    public void A_model_runs_thousands_of_continuations_in_one_execution()
    {
        var awaited = 0;
        var result = Seeds(
            async () =>
            {
                awaited = 0;
                for (var i = 0; i < 3000; i++)
                {
                    await Task.Delay(Ms(1), Sim.Clock);
                    awaited++;
                }
            },
            seeds: 2);

        Passes(result);
        Assert.Equal(3000, awaited);
        Assert.True(result.LongestExecution >= 6000);
    }

    [Fact]
    public void Library_code_that_awaits_with_ConfigureAwait_false_stays_under_control()
    {
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld();
                var echoed = new byte[3];
                world.AddNode("server", async node =>
                {
                    using var listener = node.Network.Listen(1);
                    using var stream = await listener.AcceptAsync().ConfigureAwait(false);
                    var buffer = new byte[3];
                    await stream.ReadExactlyAsync(buffer).ConfigureAwait(false);
                    await Task.Delay(Ms(5), node.Clock).ConfigureAwait(false);
                    await stream.WriteAsync(buffer).ConfigureAwait(false);
                });
                world.AddNode("client", async node =>
                {
                    using var stream = await node.Network.ConnectAsync("server", 1).ConfigureAwait(false);
                    await stream.WriteAsync(new byte[] { 1, 2, 3 }).ConfigureAwait(false);
                    await stream.ReadExactlyAsync(echoed).ConfigureAwait(false);
                });
                await world.Wait(Seconds(1));
                Assert.Equal(new byte[] { 1, 2, 3 }, echoed);
            },
            seeds: 5);

        Passes(result);
    }
}
