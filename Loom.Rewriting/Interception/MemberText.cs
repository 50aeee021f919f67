using Mono.Cecil;

namespace Loom.Rewriting.Interception;

/// <summary>
/// A called member as a person reads it in a build message or a run's result: <c>Interlocked.CompareExchange</c>,
/// <c>new CancellationTokenSource</c>, <c>Task.ContinueWith</c>, <c>Lock.Scope.Dispose</c>, <c>Stopwatch.Elapsed</c>.
/// </summary>
internal static class MemberText
{
    public static string Of(MethodReference called)
    {
        var type = TypeName(called.DeclaringType is GenericInstanceType generic ? generic.ElementType : called.DeclaringType);
        if (called.Name == ".ctor")
            return $"new {type}";
        var name = called.Name.StartsWith("get_", System.StringComparison.Ordinal) || called.Name.StartsWith("set_", System.StringComparison.Ordinal)
            ? called.Name[4..]
            : called.Name;
        return $"{type}.{name}";
    }

    /// <summary>The type's name without namespace or generic arity, nested types after their enclosing type's.</summary>
    private static string TypeName(TypeReference type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0)
            name = name[..tick];
        return type.DeclaringType is { } outer ? $"{TypeName(outer)}.{name}" : name;
    }
}
