using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Loom.Interception;

namespace Loom.Tests.Sharing;

/// <summary>
/// Every stand-in of the ordinary collections, closed over <see cref="int"/>, with what it takes to call it and the real
/// member it stands in for on a small collection of its target: so the tests can call each one by reflection and
/// compare it with the real member, or race it against a reader.
/// </summary>
internal static class CollectionStandIns
{
    public static readonly Type[] Classes =
    [
        typeof(DictionaryOfTKeyTValueCalls), typeof(ListOfTCalls), typeof(HashSetOfTCalls), typeof(QueueOfTCalls),
        typeof(StackOfTCalls), typeof(SortedDictionaryOfTKeyTValueCalls), typeof(SortedSetOfTCalls), typeof(LinkedListOfTCalls),
    ];

    /// <summary>Every stand-in of <see cref="Classes"/>, each type argument <see cref="int"/>.</summary>
    public static IEnumerable<MethodInfo> All() =>
        Classes.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.MakeGenericMethod(m.GetGenericArguments().Select(_ => typeof(int)).ToArray()));

    /// <summary>A name for messages: <c>ListOfTCalls.IndexOf(Int32, Int32)</c>.</summary>
    public static string Name(MethodInfo standIn) =>
        $"{standIn.DeclaringType!.Name}.{standIn.Name}({string.Join(", ", Core(standIn).Select(p => p.ParameterType.Name))})";

    /// <summary>The collection type a stand-in takes, closed over <see cref="int"/>.</summary>
    public static Type Target(MethodInfo standIn) => standIn.GetParameters()[0].ParameterType;

    /// <summary>A new collection of <paramref name="type"/> holding a few items, the same each time.</summary>
    public static object Fresh(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Dictionary<,>))
            return new Dictionary<int, int> { [1] = 10, [2] = 20, [3] = 30 };
        if (definition == typeof(SortedDictionary<,>))
            return new SortedDictionary<int, int> { [1] = 10, [2] = 20, [3] = 30 };
        if (definition == typeof(List<>))
            return new List<int> { 3, 1, 2 };
        if (definition == typeof(HashSet<>))
            return new HashSet<int> { 1, 2, 3 };
        if (definition == typeof(SortedSet<>))
            return new SortedSet<int> { 1, 2, 3 };
        if (definition == typeof(Queue<>))
            return new Queue<int>([1, 2, 3]);
        if (definition == typeof(Stack<>))
            return new Stack<int>([1, 2, 3]);
        if (definition == typeof(LinkedList<>))
            return new LinkedList<int>([1, 2, 3]);
        throw new ArgumentException($"no fresh {type}", nameof(type));
    }

    /// <summary>The real member <paramref name="standIn"/> stands in for, on its closed target.</summary>
    public static MethodInfo Real(MethodInfo standIn)
    {
        var target = Target(standIn);
        var parameters = Core(standIn).Select(p => p.ParameterType).ToArray();
        var ownArity = standIn.GetGenericArguments().Length - target.GetGenericArguments().Length;
        return target.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == standIn.Name && m.GetGenericArguments().Length == ownArity)
            .Select(m => ownArity == 0 ? m : m.MakeGenericMethod(Enumerable.Repeat(typeof(int), ownArity).ToArray()))
            .Single(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
    }

    /// <summary>
    /// Arguments for the member's own parameters on <paramref name="collection"/>: an index, count or capacity is 1, an
    /// item or key 2, an array has room, a node belongs to the list where the member needs one of its own.
    /// </summary>
    public static object?[] Arguments(MethodInfo standIn, object? collection)
    {
        var open = Core(standIn.GetGenericMethodDefinition()).ToArray();
        var closed = Core(standIn).ToArray();
        var arguments = new object?[closed.Length];
        var nodes = 0;
        for (var i = 0; i < closed.Length; i++)
        {
            var type = closed[i].ParameterType;
            arguments[i] = type switch
            {
                _ when type.IsByRef => null,
                _ when open[i].ParameterType.IsGenericParameter => 2,
                _ when type == typeof(int) => 1,
                _ when type.IsArray => Array.CreateInstance(type.GetElementType()!, 8),
                _ when type == typeof(IEnumerable<int>) => new[] { 2, 4 },
                _ when type == typeof(Predicate<int>) => new Predicate<int>(x => x > 1),
                _ when type == typeof(Comparison<int>) => new Comparison<int>((x, y) => y.CompareTo(x)),
                _ when type == typeof(Converter<int, int>) => new Converter<int, int>(x => x * 10),
                _ when type == typeof(Action<int>) => new Action<int>(_ => { }),
                _ when type == typeof(IComparer<int>) => Comparer<int>.Create((x, y) => y.CompareTo(x)),
                _ when type == typeof(LinkedListNode<int>) => Node(standIn, nodes++, collection as LinkedList<int>),
                _ => throw new ArgumentException($"{Name(standIn)}: no argument of type {type}", nameof(standIn)),
            };
        }
        return arguments;
    }

    /// <summary>Calls the stand-in with its call site's file and line; an exception it throws is thrown as itself.</summary>
    public static object? CallStandIn(MethodInfo standIn, object? collection, object?[] arguments, string file, int line)
    {
        var all = new object?[] { collection }.Concat(arguments).Append(file).Append(line).ToArray();
        var result = Invoke(() => standIn.Invoke(null, all));
        Array.Copy(all, 1, arguments, 0, arguments.Length);
        return result;
    }

    /// <summary>Calls the real member; an exception it throws is thrown as itself.</summary>
    public static object? CallReal(MethodInfo real, object collection, object?[] arguments) => Invoke(() => real.Invoke(collection, arguments));

    /// <summary>A value as text, for comparing what two calls gave: a sequence or an enumerator by its items.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        LinkedListNode<int> node => $"node {node.Value}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        IEnumerator enumerator => "enumerator " + Describe(Drain(enumerator)),
        _ => value.ToString() ?? "",
    };

    private static List<object?> Drain(IEnumerator enumerator)
    {
        var items = new List<object?>();
        while (enumerator.MoveNext())
            items.Add(enumerator.Current);
        return items;
    }

    private static object? Invoke(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    /// <summary>
    /// The node argument of a <c>LinkedList</c> member: <c>AddAfter</c>, <c>AddBefore</c> and <c>Remove</c> take one of
    /// the list's nodes first; every other node argument is a new one.
    /// </summary>
    private static LinkedListNode<int>? Node(MethodInfo standIn, int index, LinkedList<int>? list) =>
        index == 0 && standIn.Name is "AddAfter" or "AddBefore" or "Remove" && list is not null ? list.First : new LinkedListNode<int>(7);

    /// <summary>The stand-in's parameters for the member's own: without the instance and the caller-info ones.</summary>
    private static IEnumerable<ParameterInfo> Core(MethodInfo standIn) =>
        standIn.GetParameters().Skip(1).Where(p => !p.IsDefined(typeof(CallerFilePathAttribute)) && !p.IsDefined(typeof(CallerLineNumberAttribute)));
}
