using Loom.Tests.Engine;
using Loom.Threading;
using Xunit;

namespace Loom.Tests.MemoryModel;

public class DataRaceTests
{
    private sealed class Account
    {
        public TrackedField<int> Balance;
        public readonly object Gate = new();
    }

    [Fact]
    public void Two_unsynchronized_writes_to_a_tracked_field_are_a_data_race_naming_both_accesses()
    {
        var result = LoomModel.Explore(() =>
        {
            var account = new Account();
            Outcomes.Run(
                new Thread(() => account.Balance.Write(1)) { Name = "depositor" },
                new Thread(() => account.Balance.Write(2)) { Name = "withdrawer" });
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.DataRace, failure.Kind);
        Assert.Matches(@"Data race on int#\d+: thread 2 'withdrawer' writes it at DataRaceTests\.cs:\d+ \(step \d+\), and thread 1 'depositor''s write at DataRaceTests\.cs:\d+ \(step \d+\) does not happen before that", failure.Message);
    }

    [Fact]
    public void Accesses_ordered_by_a_lock_are_not_a_race()
    {
        var result = LoomModel.Explore(() =>
        {
            var account = new Account();
            System.Threading.ThreadStart deposit = () =>
            {
                Monitor.Enter(account.Gate);
                try
                {
                    account.Balance.Write(account.Balance.Read() + 1);
                }
                finally
                {
                    Monitor.Exit(account.Gate);
                }
            };
            Outcomes.Run(new Thread(deposit), new Thread(deposit));
            Models.Expect(account.Balance.Read() == 2, "a deposit was lost");
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void Accesses_ordered_by_thread_start_and_join_are_not_a_race()
    {
        var result = LoomModel.Explore(() =>
        {
            var account = new Account();
            account.Balance.Write(5);
            var worker = new Thread(() => account.Balance.Write(account.Balance.Read() * 2));
            worker.Start();
            worker.Join();
            Models.Expect(account.Balance.Read() == 10, "the worker's write was not seen after Join");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_read_published_through_an_interlocked_flag_is_not_a_race()
    {
        var result = LoomModel.Explore(() =>
        {
            var account = new Account();
            var ready = new Models.Counter();
            Outcomes.Run(
                new Thread(() => { account.Balance.Write(7); Interlocked.Exchange(ref ready.Value, 1); }),
                new Thread(() =>
                {
                    if (Interlocked.CompareExchange(ref ready.Value, 0, 0) == 1)
                        Models.Expect(account.Balance.Read() == 7, "saw the flag but not the data");
                }));
        }, new LoomOptions { PreemptionBound = null });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_tracked_field_outside_an_execution_is_a_plain_field()
    {
        var field = new TrackedField<int>(3);
        field.Write(field.Read() + 4);

        Assert.Equal(7, field.Read());
        Assert.Equal("7", field.ToString());
    }
}
