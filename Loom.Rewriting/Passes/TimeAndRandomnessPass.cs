using Loom.Rewriting.Interception;

namespace Loom.Rewriting.Passes;

/// <summary>
/// The clock and randomness: <c>DateTime</c>/<c>DateTimeOffset</c> <c>Now</c> and <c>UtcNow</c>,
/// <c>Stopwatch</c>, <c>Environment.TickCount</c>/<c>TickCount64</c>, <c>TimeProvider.System</c>,
/// <c>Random.Shared</c> and <c>new Random()</c>, <c>Guid.NewGuid</c>: inside an execution they read the
/// execution's simulated clock and seeded random source.
/// </summary>
internal sealed class TimeAndRandomnessPass : CallRedirectPass
{
    public TimeAndRandomnessPass(InterceptionTable table)
        : base(table)
    {
    }

    public override string Concern => "time and randomness";

    public override bool Owns(string typeFullName, string member) =>
        typeFullName switch
        {
            "System.Environment" => member != "get_CurrentManagedThreadId",
            "System.DateTime" or "System.DateTimeOffset" or "System.Diagnostics.Stopwatch" or "System.TimeProvider"
                or "System.Random" or "System.Guid" => true,
            _ => false,
        };
}
