using Xunit;

namespace Loom.Simulation.Tests;

public class OptionsTests
{
    /// <summary>Invalid options, each under the name of its error's option, with the start of the expected message.</summary>
    private static readonly Dictionary<string, (SimulationOptions Options, string Message)> s_invalid = new()
    {
        ["Network.DropProbability"] = (new SimulationOptions { Network = new LinkFaults { DropProbability = 1.5 } }, "Network.DropProbability: 1.5 is not a probability; use a number from 0 to 1"),
        ["Network.DuplicateProbability"] = (new SimulationOptions { Network = new LinkFaults { DuplicateProbability = -0.1 } }, "Network.DuplicateProbability: -0.1 is not a probability"),
        ["Network.ResetProbability"] = (new SimulationOptions { Network = new LinkFaults { ResetProbability = double.NaN } }, "Network.ResetProbability: NaN is not a probability"),
        ["Network.ClogRate"] = (new SimulationOptions { Network = new LinkFaults { ClogRate = -1 } }, "Network.ClogRate: -1 is not a rate"),
        ["Network.Latency"] = (new SimulationOptions { Network = new LinkFaults { Latency = null! } }, "Network.Latency: it is null"),
        ["Partitions.Rate"] = (new SimulationOptions { Partitions = new PartitionFaults { Rate = double.PositiveInfinity } }, "Partitions.Rate: Infinity is not a rate"),
        ["Partitions.AsymmetricProbability"] = (new SimulationOptions { Partitions = new PartitionFaults { AsymmetricProbability = 2 } }, "Partitions.AsymmetricProbability: 2 is not a probability"),
        ["Partitions.Among"] = (new SimulationOptions { Partitions = new PartitionFaults { Among = ["a", " "] } }, "Partitions.Among: it lists an empty node name"),
        ["Nodes.CrashRate"] = (new SimulationOptions { Nodes = new NodeFaults { CrashRate = -2 } }, "Nodes.CrashRate: -2 is not a rate"),
        ["Nodes.MaxCrashedAtOnce"] = (new SimulationOptions { Nodes = new NodeFaults { MaxCrashedAtOnce = 0 } }, "Nodes.MaxCrashedAtOnce: 0 lets no node crash"),
        ["Clocks.MaxDrift"] = (new SimulationOptions { Clocks = new ClockFaults { MaxDrift = 0.7 } }, "Clocks.MaxDrift: 0.7 is not a drift"),
        ["Clocks.MaxSkew"] = (new SimulationOptions { Clocks = new ClockFaults { MaxSkew = TimeSpan.FromSeconds(-1) } }, "Clocks.MaxSkew: -00:00:01 is negative"),
        ["Disk.TornWriteProbability"] = (new SimulationOptions { Disk = new DiskFaults { TornWriteProbability = 3 } }, "Disk.TornWriteProbability: 3 is not a probability"),
        ["Disk.SectorSize"] = (new SimulationOptions { Disk = new DiskFaults { SectorSize = 0 } }, "Disk.SectorSize: 0 is not a size"),
        ["Disk.Capacity"] = (new SimulationOptions { Disk = new DiskFaults { Capacity = -5 } }, "Disk.Capacity: -5 is negative"),
        ["Buggify.FireProbability"] = (new SimulationOptions { Buggify = new BuggifyOptions { FireProbability = 1.01 } }, "Buggify.FireProbability: 1.01 is not a probability"),
        ["ConnectionTimeout"] = (new SimulationOptions { ConnectionTimeout = TimeSpan.Zero }, "ConnectionTimeout: 00:00:00 is not positive"),
        ["Nodes"] = (new SimulationOptions { Nodes = null! }, "Nodes: it is null"),
    };

    public static TheoryData<string> InvalidOptions => new(s_invalid.Keys);

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_up_front_naming_the_option_and_the_range(string option)
    {
        var (options, expected) = s_invalid[option];
        var ex = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains($"Invalid simulation option {expected}", ex.Message);
        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public void A_world_with_invalid_options_is_not_created()
    {
        var result = Simulate.Once(async () =>
        {
            var ex = Assert.Throws<ArgumentException>(() => new SimWorld(new SimulationOptions { Network = new LinkFaults { DropProbability = 7 } }));
            Assert.Contains("Network.DropProbability", ex.Message);
            await using var world = new SimWorld();
            await world.Wait(Simulate.Ms(1));
        });

        Simulate.Passes(result);
    }

    [Fact]
    public void Time_distributions_check_their_bounds_and_draw_within_them()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistribution.Constant(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistribution.Uniform(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistribution.Exponential(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeDistribution.Exponential(TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Equal("uniform 1 ms..10 ms", TimeDistribution.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)).ToString());

        var exponential = TimeDistribution.Exponential(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(100));
        var random = new SimRandom(1);
        var draws = Enumerable.Range(0, 10_000).Select(_ => exponential.Sample(random)).ToList();
        Assert.All(draws, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100)));
        Assert.InRange(draws.Average(d => d.TotalMilliseconds), 4.7, 5.3);
    }
}
