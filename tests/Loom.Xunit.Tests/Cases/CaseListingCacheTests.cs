using System.IO;
using Loom.Cases;
using Xunit;

namespace Loom.Xunit.Tests.Cases;

public sealed class CaseListingCacheTests
{
    private static readonly LoomTheorySettings Settings = new() { MaxCases = 5 };
    private static readonly ScheduleListing Listing = new(["0", "1@3 0@5", "r1@2"], false, "the space has more than 3 schedules; see = %");

    [Fact]
    public void A_stored_listing_is_read_back_for_the_same_build_method_and_settings()
    {
        using var temp = new TempDirectory();
        new CaseListingCache(temp.Path, "build-1").Put("A.B.C", Settings, Listing);

        Assert.True(new CaseListingCache(temp.Path, "build-1").TryGet("A.B.C", Settings, out var cached));
        Assert.Equal(Listing.Schedules, cached.Schedules);
        Assert.Equal(Listing.Complete, cached.Complete);
        Assert.Equal(Listing.Note, cached.Note);
    }

    [Fact]
    public void Another_build_method_or_settings_misses()
    {
        using var temp = new TempDirectory();
        new CaseListingCache(temp.Path, "build-1").Put("A.B.C", Settings, Listing);

        Assert.False(new CaseListingCache(temp.Path, "build-2").TryGet("A.B.C", Settings, out _));
        Assert.False(new CaseListingCache(temp.Path, "build-1").TryGet("A.B.D", Settings, out _));
        Assert.False(new CaseListingCache(temp.Path, "build-1").TryGet("A.B.C", Settings with { MaxCases = 6 }, out _));
    }

    [Fact]
    public void A_corrupt_entry_misses_instead_of_misleading()
    {
        using var temp = new TempDirectory();
        var cache = new CaseListingCache(temp.Path, "build-1");
        cache.Put("A.B.C", Settings, Listing);
        var entry = Assert.Single(Directory.GetFiles(temp.Path));
        File.WriteAllLines(entry, [.. File.ReadAllLines(entry)[..^1]]);

        Assert.False(cache.TryGet("A.B.C", Settings, out _));
    }

    [Fact]
    public void Get_or_list_lists_once_then_reads_the_cache()
    {
        using var temp = new TempDirectory();
        var cache = new CaseListingCache(temp.Path, "build-1");
        var listings = 0;
        ScheduleListing List()
        {
            listings++;
            return Listing;
        }

        cache.GetOrList("A.B.C", Settings, List);
        var second = new CaseListingCache(temp.Path, "build-1").GetOrList("A.B.C", Settings, List);

        Assert.Equal(1, listings);
        Assert.Equal(Listing.Schedules, second.Schedules);
    }

    [Fact]
    public void A_stalled_listing_is_kept_with_its_problem_so_discovery_does_not_stall_again()
    {
        using var temp = new TempDirectory();
        var stalled = ScheduleListing.Failed("a thread stalled outside Loom's control;\nthread 0 is blocked in a real wait");
        var listings = 0;
        ScheduleListing List()
        {
            listings++;
            return stalled;
        }

        new CaseListingCache(temp.Path, "build-1").GetOrList("A.B.C", Settings, List);
        var second = new CaseListingCache(temp.Path, "build-1").GetOrList("A.B.C", Settings, List);

        Assert.Equal(1, listings);
        Assert.Equal(stalled.Problem, second.Problem);
        Assert.Empty(second.Schedules);
    }

    [Fact]
    public void A_listing_that_could_not_be_made_is_listed_again()
    {
        using var temp = new TempDirectory();
        var listings = 0;
        ScheduleListing List()
        {
            listings++;
            return ScheduleListing.Unavailable("the class needs a fixture");
        }

        new CaseListingCache(temp.Path, "build-1").GetOrList("A.B.C", Settings, List);
        new CaseListingCache(temp.Path, "build-1").GetOrList("A.B.C", Settings, List);

        Assert.Equal(2, listings);
    }

    [Fact]
    public void Entries_of_older_builds_are_pruned_when_a_new_build_writes()
    {
        using var temp = new TempDirectory();
        new CaseListingCache(temp.Path, "build-1").Put("A.B.C", Settings, Listing);

        new CaseListingCache(temp.Path, "build-2").Put("A.B.C", Settings, Listing);

        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void The_assembly_key_is_stable_for_the_same_build() =>
        Assert.Equal(CaseListingCache.AssemblyKey(typeof(CaseListingCacheTests).Assembly), CaseListingCache.AssemblyKey(typeof(CaseListingCacheTests).Assembly));
}
