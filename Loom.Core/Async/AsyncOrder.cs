using Loom.Runtime;

namespace Loom.Async;

/// <summary>
/// The model object every continuation's start writes. Continuations read and write fields Loom does not see, so
/// any two may conflict: making their starts conflict lets partial-order reduction explore their orders.
/// </summary>
internal sealed class AsyncOrder : ModelObject
{
    public AsyncOrder(Execution execution)
        : base(execution, "continuations")
    {
    }
}
