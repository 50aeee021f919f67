using Loom.Threading;
using Xunit;

namespace Loom.Tests.MemoryModel;

public class StoreHistoryTests
{
    private sealed class Cell
    {
        public RacyField<int> Value;
    }

    private static void ManyStoresThenARacyRead()
    {
        var cell = new Cell();
        var reader = 0;
        Outcomes.Run(
            new Thread(() =>
            {
                for (var i = 1; i <= 10; i++)
                    cell.Value.Write(i);
            }),
            new Thread(() => reader = cell.Value.Read()));
    }

    [Fact]
    public void A_load_with_more_candidate_stores_than_the_bound_fails_naming_the_location_and_the_option()
    {
        var result = LoomModel.Explore(ManyStoresThenARacyRead, new LoomOptions { MaxStoreHistory = 4 });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.StoreHistoryExceeded, failure.Kind);
        Assert.Matches(@"The load of int#\d+ at StoreHistoryTests\.cs:\d+ could read any of \d+ stores, more than LoomOptions\.MaxStoreHistory \(4\)", failure.Message);
        Assert.Contains("raise MaxStoreHistory", failure.Message);
    }

    [Fact]
    public void Within_the_default_bound_every_store_is_a_possible_value()
    {
        var seen = new SortedSet<int>();
        var result = LoomModel.Explore(() =>
        {
            var cell = new Cell();
            var read = -1;
            Outcomes.Run(
                new Thread(() =>
                {
                    for (var i = 1; i <= 10; i++)
                        cell.Value.Write(i);
                }),
                new Thread(() => read = cell.Value.Read()));
            lock (seen)
                seen.Add(read);
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(Enumerable.Range(0, 11), seen);
    }

    [Fact]
    public void A_bound_below_one_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => LoomModel.Explore(ManyStoresThenARacyRead, new LoomOptions { MaxStoreHistory = 0 }));

        Assert.Equal("MaxStoreHistory", ex.ParamName);
    }
}
