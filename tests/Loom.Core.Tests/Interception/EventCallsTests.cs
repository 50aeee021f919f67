using Loom.Interception;
using Xunit;
using AutoResetEvent = System.Threading.AutoResetEvent;
using EventResetMode = System.Threading.EventResetMode;
using ManualResetEvent = System.Threading.ManualResetEvent;
using Mutex = System.Threading.Mutex;
using WaitHandle = System.Threading.WaitHandle;

namespace Loom.Tests.Interception;

public class EventCallsTests
{
    [Fact]
    public void A_signal_reset_before_the_waiter_saw_it_is_found_and_not_resetting_fixes_it()
    {
        static ExplorationResult Model(bool reset) => LoomModel.Explore(() =>
        {
            var ready = ManualResetEventSlimCalls.New();
            Rewritten.All(
                () => ManualResetEventSlimCalls.Wait(ready, "Slim.cs", 10),
                () =>
                {
                    ManualResetEventSlimCalls.Set(ready, "Slim.cs", 20);
                    if (reset)
                        ManualResetEventSlimCalls.Reset(ready, "Slim.cs", 21);
                });
        });

        var buggy = Model(reset: true);
        Assert.Equal(FailureKind.Deadlock, buggy.Failure?.Kind);
        Assert.Contains("ManualResetEventSlim.Wait at Slim.cs:10", buggy.Failure!.Message);
        Assert.Contains(buggy.Failure.Trace, step => step.File == "Slim.cs" && step.Line == 21);
        var fixedModel = Model(reset: false);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void Two_sets_of_an_auto_reset_event_can_merge_into_one_and_an_acknowledgement_fixes_it()
    {
        static ExplorationResult Model(bool acknowledge) => LoomModel.Explore(() =>
        {
            var work = EventWaitHandleCalls.New(false, EventResetMode.AutoReset);
            var done = new AutoResetEvent(false);
            Action consumer = () =>
            {
                WaitHandleCalls.WaitOne(work, "Auto.cs", 10);
                EventWaitHandleCalls.Set(done, "Auto.cs", 11);
            };
            Rewritten.All(consumer, consumer, () =>
            {
                for (var i = 0; i < 2; i++)
                {
                    EventWaitHandleCalls.Set(work, "Auto.cs", 20);
                    if (acknowledge)
                        WaitHandleCalls.WaitOne(done, "Auto.cs", 21);
                }
            });
        });

        var buggy = Model(acknowledge: false);
        Assert.Equal(FailureKind.Deadlock, buggy.Failure?.Kind);
        Assert.Contains("EventWaitHandle.WaitOne at Auto.cs:10", buggy.Failure!.Message);
        var fixedModel = Model(acknowledge: true);
        Assert.True(fixedModel.Passed, fixedModel.Failure?.Report);
        Assert.True(fixedModel.Exhausted);
    }

    [Fact]
    public void WaitAny_returns_the_event_that_was_set_and_WaitAll_waits_for_both()
    {
        var result = LoomModel.Explore(() =>
        {
            var first = new ManualResetEvent(false);
            var second = new AutoResetEvent(false);
            var index = -1;
            Rewritten.All(
                () => index = WaitHandleCalls.WaitAny([first, second], "Any.cs", 10),
                () => EventWaitHandleCalls.Set(second, "Any.cs", 20));
            Rewritten.Expect(index == 1, $"WaitAny returned {index}");
            Rewritten.Expect(!WaitHandleCalls.WaitOne(second, 0, "Any.cs", 30), "WaitAny consumed the auto-reset signal");
            Rewritten.All(
                () => WaitHandleCalls.WaitAll([first, second], "All.cs", 10),
                () => EventWaitHandleCalls.Set(first, "All.cs", 20),
                () => EventWaitHandleCalls.Set(second, "All.cs", 21));
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.True(result.Exhausted);
    }

    [Fact]
    public void A_wait_on_a_handle_Loom_does_not_model_fails_loudly_naming_it()
    {
        using var mutex = new Mutex();
        var result = LoomModel.Explore(() => WaitHandleCalls.WaitOne(mutex, "Mutex.cs", 5));

        Assert.Equal(FailureKind.UncontrolledConcurrency, result.Failure?.Kind);
        Assert.Contains("System.Threading.Mutex", result.Failure!.Message);
        Assert.Contains("Mutex.cs:5", result.Failure.Message);
    }

    [Fact]
    public void An_event_made_outside_starts_every_execution_from_its_real_state_which_the_execution_leaves_alone()
    {
        using var unknownMode = new System.Threading.EventWaitHandle(true, EventResetMode.AutoReset);
        var outcomes = new SortedSet<string>();
        var result = LoomModel.Explore(() =>
        {
            var first = WaitHandleCalls.WaitOne(unknownMode, 0, "Probe.cs", 1);
            var second = WaitHandleCalls.WaitOne(unknownMode, 0, "Probe.cs", 2);
            outcomes.Add($"{first} {second}");
        });

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["True False"], outcomes);
        Assert.True(unknownMode.WaitOne(0));
        Assert.False(unknownMode.WaitOne(0));
    }

    [Fact]
    public void Outside_an_execution_the_event_stand_ins_are_the_real_events()
    {
        var slim = ManualResetEventSlimCalls.New(false);
        ManualResetEventSlimCalls.Set(slim, "Real.cs", 1);
        Assert.True(ManualResetEventSlimCalls.Wait(slim, 0, "Real.cs", 2));
        using var auto = EventWaitHandleCalls.New(false, EventResetMode.AutoReset);
        Assert.True(EventWaitHandleCalls.Set(auto, "Real.cs", 3));
        Assert.True(WaitHandleCalls.WaitOne(auto, 0, "Real.cs", 4));
        Assert.False(WaitHandleCalls.WaitOne(auto, 0, "Real.cs", 5));
        Assert.Equal(WaitHandle.WaitTimeout, WaitHandleCalls.WaitAny([auto], 0, "Real.cs", 6));
        Assert.Throws<ArgumentException>(() => WaitHandleCalls.WaitAny([], "Real.cs", 7));
        ManualResetEventSlimCalls.Dispose(slim);
        Assert.Throws<ObjectDisposedException>(() => ManualResetEventSlimCalls.Wait(slim, "Real.cs", 8));
    }
}
