using Xunit;
using static Loom.Simulation.Tests.Simulate;

namespace Loom.Simulation.Tests;

public class BuggifyTests
{
    private static SimulationOptions With(BuggifyOptions buggify) => new() { Buggify = buggify };

    [Fact]
    public void Buggify_never_fires_outside_a_world_that_enables_it()
    {
        Assert.False(Buggify.Fire());
        Assert.False(Buggify.IsEnabled);
        var fired = false;
        Passes(Once(async () =>
        {
            fired |= Buggify.Fire(1.0);
            await using var world = new SimWorld();
            fired |= Enumerable.Range(0, 100).Any(_ => Buggify.Fire(1.0));
            await world.Wait(Ms(1));
        }));
        Assert.False(fired);
    }

    [Fact]
    public void A_share_of_sites_is_enabled_per_run_and_each_enabled_site_fires_at_its_rate()
    {
        int sites = 0, enabledSites = 0, reached = 0, fired = 0;
        var result = Seeds(
            async () =>
            {
                await using var world = new SimWorld(With(new BuggifyOptions { Enabled = true, SiteProbability = 0.3, FireProbability = 0.2 }));
                Assert.True(Buggify.IsEnabled);
                for (var line = 1; line <= 50; line++)
                {
                    var firings = Enumerable.Range(0, 40).Count(_ => Buggify.Fire("Site.cs", line));
                    sites++;
                    if (firings > 0)
                    {
                        enabledSites++;
                        reached += 40;
                        fired += firings;
                    }
                }
                await world.Wait(Ms(1));
            },
            seeds: 20);

        Passes(result);
        Assert.InRange(enabledSites / (double)sites, 0.25, 0.35);
        Assert.InRange(fired / (double)reached, 0.17, 0.23);
    }

    [Fact]
    public void The_seed_decides_which_sites_are_on_and_when_they_fire()
    {
        static string Firings(long seed)
        {
            var pattern = "";
            Passes(Once(
                async () =>
                {
                    await using var world = new SimWorld(With(BuggifyOptions.On));
                    for (var line = 1; line <= 20; line++)
                    {
                        for (var i = 0; i < 10; i++)
                            pattern += Buggify.Fire("Site.cs", line) ? "1" : "0";
                    }
                    Assert.Equal(pattern.Count(c => c == '1'), world.Events.Count(e => e.Kind == SimEventKind.Buggify));
                    await world.Wait(Ms(1));
                },
                seed));
            return pattern;
        }

        Assert.Equal(Firings(3), Firings(3));
        Assert.NotEqual(Firings(3), Firings(4));
    }

    [Fact]
    public void A_site_fires_in_the_fault_plan_with_its_place_and_node()
    {
        var result = Once(async () =>
        {
            await using var world = new SimWorld(With(new BuggifyOptions { Enabled = true, SiteProbability = 1, FireProbability = 1 }));
            world.AddNode("n", node =>
            {
                Assert.True(Buggify.Fire());
                return Task.CompletedTask;
            });
            await world.Wait(Ms(1));
            var e = Assert.Single(world.Events, e => e.Kind == SimEventKind.Buggify);
            Assert.StartsWith("BuggifyTests.cs:", e.Subject, StringComparison.Ordinal);
            Assert.Equal("fired in node 'n'", e.Description);
        });

        Passes(result);
    }

    [Fact]
    public void Invalid_probabilities_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Buggify.Fire(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Buggify.Fire(double.NaN));
        var ex = Assert.Throws<ArgumentException>(() => new SimulationOptions { Buggify = new BuggifyOptions { SiteProbability = -0.1 } }.Validate());
        Assert.Contains("Buggify.SiteProbability: -0.1 is not a probability", ex.Message);
    }
}
