using Loom.Rewriting.Interception;

namespace Loom.Rewriting.Passes;

/// <summary>
/// Lazy values, concurrent collections and channels: <c>Lazy&lt;T&gt;</c>, <c>LazyInitializer</c>,
/// <c>ConcurrentDictionary</c>, <c>ConcurrentQueue</c>, <c>ConcurrentStack</c>, <c>ConcurrentBag</c>,
/// <c>BlockingCollection</c>, and <c>System.Threading.Channels</c>: BCL types whose own synchronization is never
/// rewritten, modelled at their public operations.
/// </summary>
internal sealed class ConcurrentTypesPass : CallRedirectPass
{
    public ConcurrentTypesPass(InterceptionTable table)
        : base(table)
    {
    }

    public override string Concern => "concurrent types";

    public override bool Owns(string typeFullName, string member) => IsConcurrentType(typeFullName);

    /// <summary>Whether the type is one this pass owns (the synchronization pass leaves these alone).</summary>
    public static bool IsConcurrentType(string typeFullName) =>
        typeFullName is "System.Lazy`1" or "System.Threading.LazyInitializer"
        || typeFullName.StartsWith("System.Collections.Concurrent.", System.StringComparison.Ordinal)
        || typeFullName.StartsWith("System.Threading.Channels.", System.StringComparison.Ordinal);
}
