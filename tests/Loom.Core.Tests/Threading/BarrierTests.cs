using Loom.Threading;
using Xunit;
using BarrierPostPhaseException = System.Threading.BarrierPostPhaseException;
using CancellationTokenSource = System.Threading.CancellationTokenSource;

namespace Loom.Tests.Threading;

public class BarrierTests
{
    /// <summary>One slot per phase and participant: a participant writes its slot, and reads the other's once the phase ended.</summary>
    private sealed class Box
    {
        public readonly TrackedField<int>[] Left = new TrackedField<int>[2];
        public readonly TrackedField<int>[] Right = new TrackedField<int>[2];
    }

    [Fact]
    public void Outside_an_execution_it_is_a_real_barrier_whose_action_runs_once_per_phase()
    {
        var phases = new List<long>();
        using var barrier = new Barrier(2, b => phases.Add(b.CurrentPhaseNumber));
        var other = new System.Threading.Thread(() =>
        {
            barrier.SignalAndWait();
            barrier.SignalAndWait();
        });
        other.Start();
        barrier.SignalAndWait();
        barrier.SignalAndWait();
        other.Join();

        Assert.Equal([0L, 1L], phases);
        Assert.Equal(2, barrier.CurrentPhaseNumber);
        Assert.Equal(2, barrier.ParticipantsRemaining);
        Assert.Equal(2, barrier.AddParticipant());
        barrier.RemoveParticipants(2);
        Assert.Equal(1, barrier.ParticipantCount);
    }

    [Fact]
    public void Its_argument_checks_and_misuse_throw_what_the_real_barrier_throws()
    {
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Barrier(-1)), Run.ThrownBy(() => new Barrier(-1)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Barrier(32768)), Run.ThrownBy(() => new Barrier(32768)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Barrier(0).SignalAndWait()), Run.ThrownBy(() => new Barrier(0).SignalAndWait()));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Barrier(1).RemoveParticipants(2)), Run.ThrownBy(() => new Barrier(1).RemoveParticipants(2)));
        Assert.Equal(Run.ThrownBy(() => new System.Threading.Barrier(1, b => b.SignalAndWait()).SignalAndWait()), Run.ThrownBy(() => new Barrier(1, b => b.SignalAndWait()).SignalAndWait()));

        Assert.IsType<InvalidOperationException>(Run.ThrownInside(() => new Barrier(0).SignalAndWait()));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new Barrier(1).SignalAndWait(-2)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new Barrier(1).AddParticipants(0)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new Barrier(1).AddParticipants(32767)));
        Assert.IsType<ArgumentOutOfRangeException>(Run.ThrownInside(() => new Barrier(1).RemoveParticipants(2)));
        Assert.IsType<OperationCanceledException>(Run.ThrownInside(() => new Barrier(1).SignalAndWait(new System.Threading.CancellationToken(true))));
        var fromAction = Assert.IsType<BarrierPostPhaseException>(Run.ThrownInside(() => new Barrier(1, b => b.AddParticipant()).SignalAndWait()));
        Assert.Equal("This method may not be called from within the postPhaseAction.", Assert.IsType<InvalidOperationException>(fromAction.InnerException).Message);
        Assert.IsType<ObjectDisposedException>(Run.ThrownInside(() =>
        {
            var barrier = new Barrier(1);
            barrier.Dispose();
            barrier.SignalAndWait();
        }));
    }

    [Fact]
    public void Each_phase_ends_once_everyone_arrived_and_the_action_runs_once_per_phase_before_anyone_goes_on()
    {
        var result = LoomModel.Explore(() =>
        {
            var box = new Box();
            var actions = new List<long>();
            var barrier = new Barrier(2, b =>
            {
                // The last arrival runs the action: both writes of the phase are visible to it.
                var phase = (int)b.CurrentPhaseNumber;
                Run.Expect(box.Left[phase].Read() == 1 && box.Right[phase].Read() == 1, "the action ran before both participants wrote");
                actions.Add(phase);
            });
            Run.All(
                () =>
                {
                    for (var phase = 0; phase < 2; phase++)
                    {
                        box.Left[phase].Write(1);
                        barrier.SignalAndWait();
                        Run.Expect(box.Right[phase].Read() == 1, "went on before the other participant arrived");
                    }
                },
                () =>
                {
                    for (var phase = 0; phase < 2; phase++)
                    {
                        box.Right[phase].Write(1);
                        barrier.SignalAndWait();
                        Run.Expect(box.Left[phase].Read() == 1, "went on before the other participant arrived");
                    }
                });
            Run.Expect(actions.SequenceEqual([0L, 1L]), $"actions ran for phases {string.Join(",", actions)}");
            Run.Expect(barrier.CurrentPhaseNumber == 2, "not two phases");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_phase_whose_participants_never_all_arrive_is_a_deadlock_that_lists_who_arrived()
    {
        var result = LoomModel.Explore(() =>
        {
            var barrier = new Barrier(3);
            Run.All(() => barrier.SignalAndWait(), () => barrier.SignalAndWait());
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Equal(FailureKind.Deadlock, failure.Kind);
        Assert.Matches(@"is blocked in Barrier\.SignalAndWait at BarrierTests\.cs:\d+: waiting at Barrier#\d+ for phase 0 to end: 2 of 3 participants have arrived \(thread 1, thread 2\)", failure.Message);
    }

    [Fact]
    public void A_post_phase_action_that_throws_fails_every_participant_with_BarrierPostPhaseException()
    {
        var thrown = new List<string>();
        var result = LoomModel.Explore(() =>
        {
            var barrier = new Barrier(2, _ => throw new ArithmeticException("boom"));
            var caught = 0;
            Action participant = () =>
            {
                try
                {
                    barrier.SignalAndWait();
                }
                catch (BarrierPostPhaseException ex) when (ex.InnerException is ArithmeticException)
                {
                    Interlocked.Increment(ref caught);
                }
            };
            Run.All(participant, participant);
            Run.Expect(caught == 2, $"{caught} participants saw the action's exception");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void A_timed_out_participant_withdraws_its_arrival()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var barrier = new Barrier(2);
            var arrived = true;
            var remaining = -1;
            Run.All(() =>
            {
                arrived = barrier.SignalAndWait(10);
                remaining = barrier.ParticipantsRemaining;
            });
            return $"{arrived} {remaining}";
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["False 2"], seen);
    }

    [Fact]
    public void A_cancelled_participant_withdraws_its_arrival_and_throws()
    {
        var (seen, result) = Run.Outcomes(() =>
        {
            var barrier = new Barrier(2);
            var cancellation = new CancellationTokenSource();
            var outcome = "";
            Run.All(
                () =>
                {
                    try
                    {
                        barrier.SignalAndWait(cancellation.Token);
                        outcome = "passed";
                    }
                    catch (OperationCanceledException)
                    {
                        outcome = $"cancelled, {barrier.ParticipantsRemaining} remaining";
                    }
                },
                () => cancellation.Cancel());
            return outcome;
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["cancelled, 2 remaining"], seen);
    }

    [Fact]
    public void Removing_the_participant_everyone_waits_for_ends_the_phase()
    {
        var result = LoomModel.Explore(() =>
        {
            var barrier = new Barrier(2);
            Run.All(() => barrier.SignalAndWait(), () => barrier.RemoveParticipant());
            Run.Expect(barrier.CurrentPhaseNumber == 1, "the phase did not end");
        });

        Assert.True(result.Passed, result.Failure?.Report);
    }

    [Fact]
    public void The_trace_shows_each_arrival_and_the_end_of_the_phase()
    {
        var result = LoomModel.Explore(() =>
        {
            var barrier = new Barrier(2, _ => { });
            Run.All(() => barrier.SignalAndWait(), () => barrier.SignalAndWait());
            Run.Expect(false, "show the trace");
        });

        var failure = Assert.IsType<LoomFailure>(result.Failure);
        Assert.Matches(@"Barrier\.SignalAndWait\s+Barrier#\d+\s+1 of 2 \(phase 0\)\s+BarrierTests\.cs:\d+", failure.Report);
        Assert.Matches(@"Barrier\.SignalAndWait\s+Barrier#\d+\s+last of 2 \(phase 0\)\s+BarrierTests\.cs:\d+", failure.Report);
        Assert.Matches(@"Barrier\.SignalAndWait\s+Barrier#\d+\s+phase 0 ended\s+BarrierTests\.cs:\d+", failure.Report);
    }
}
