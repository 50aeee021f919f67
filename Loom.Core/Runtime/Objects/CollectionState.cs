namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a concurrent collection whose contents stay in the real object (ConcurrentDictionary,
/// ConcurrentQueue, ConcurrentStack): only the target of its scheduling points, so that operations on one
/// collection are ordered, and reads commute with each other.
/// </summary>
internal sealed class CollectionState : ModelObject
{
    public CollectionState(Execution execution, string kind)
        : base(execution, kind)
    {
    }
}
