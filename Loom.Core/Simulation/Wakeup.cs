using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>What a sleeping thread waits for: its timer on the execution's clock to fire.</summary>
internal sealed class Wakeup : ModelObject
{
    private readonly SimTimer _timer;

    public Wakeup(Execution execution, SimTimer timer)
        : base(execution, "sleep")
    {
        _timer = timer;
    }

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) => _timer.Fired;

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op) => "sleeping, and nothing else can make virtual time pass";
}
