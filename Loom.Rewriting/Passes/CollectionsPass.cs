using Loom.Rewriting.Interception;

namespace Loom.Rewriting.Passes;

/// <summary>
/// The ordinary collections of <c>System.Collections.Generic</c> (<c>Dictionary</c>, <c>List</c>, <c>HashSet</c>,
/// <c>Queue</c>, <c>Stack</c>, <c>SortedDictionary</c>, <c>SortedSet</c>, <c>LinkedList</c>): inside an execution each
/// operation reads or writes the collection's contents, tracked like a field. A call through an interface
/// (<c>IDictionary</c>, <c>ICollection</c>, <c>IEnumerable</c>, LINQ) names the interface's member, not the
/// collection's, and is not a site. Nor is a call in a static constructor: the runtime runs it once, before any
/// thread can use the type, so what it fills is ordered before every later read, and tracking it would report a race
/// between the first execution's initializing thread and the others.
/// </summary>
internal sealed class CollectionsPass : CallRedirectPass
{
    public CollectionsPass(InterceptionTable table)
        : base(table)
    {
    }

    public override string Concern => "collections";

    public override bool Owns(string typeFullName, string member) =>
        typeFullName.StartsWith("System.Collections.Generic.", System.StringComparison.Ordinal);

    public override void Rewrite(MethodRewrite method)
    {
        if (method.Method.IsConstructor && method.Method.IsStatic)
            return;
        base.Rewrite(method);
    }
}
