using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Sdk;

namespace Loom.Tests.Threading;

/// <summary>
/// The mirror must compile in place of System.Threading with only the using directives changed: every public
/// member of each mirrored type exists with the same name, parameter names and types, and return type (the
/// compiler-supplied caller parameters aside).
/// </summary>
public class MirrorSurfaceTests
{
    /// <summary>Members the mirror leaves out on purpose (by signature prefix), with why.</summary>
    private static readonly Dictionary<string, string> Omitted = new()
    {
        ["EventWaitHandle..ctor(System.Boolean initialState, System.Threading.EventResetMode mode, System.String name"] = "named events are shared across processes, outside any model",
        ["EventWaitHandle.OpenExisting("] = "named events are shared across processes, outside any model",
        ["EventWaitHandle.TryOpenExisting("] = "named events are shared across processes, outside any model",
    };

    public static TheoryData<Type, Type> Pairs() => new()
    {
        { typeof(System.Threading.Volatile), typeof(Loom.Threading.Volatile) },
        { typeof(System.Threading.Lock), typeof(Loom.Threading.Lock) },
        { typeof(System.Threading.Lock.Scope), typeof(Loom.Threading.Lock.Scope) },
        { typeof(System.Threading.SemaphoreSlim), typeof(Loom.Threading.SemaphoreSlim) },
        { typeof(System.Threading.ManualResetEventSlim), typeof(Loom.Threading.ManualResetEventSlim) },
        { typeof(System.Threading.EventWaitHandle), typeof(Loom.Threading.EventWaitHandle) },
        { typeof(System.Threading.ManualResetEvent), typeof(Loom.Threading.ManualResetEvent) },
        { typeof(System.Threading.AutoResetEvent), typeof(Loom.Threading.AutoResetEvent) },
        { typeof(System.Threading.CountdownEvent), typeof(Loom.Threading.CountdownEvent) },
        { typeof(System.Threading.Barrier), typeof(Loom.Threading.Barrier) },
        { typeof(System.Threading.ReaderWriterLockSlim), typeof(Loom.Threading.ReaderWriterLockSlim) },
        { typeof(System.Threading.SpinWait), typeof(Loom.Threading.SpinWait) },
        { typeof(System.Threading.SpinLock), typeof(Loom.Threading.SpinLock) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_public_member_of_the_real_type_has_a_mirror_with_the_same_signature(Type real, Type mirror)
    {
        var offered = Members(mirror).Select(Signature).ToHashSet();
        var missing = Members(real)
            .Select(Signature)
            .Where(signature => !offered.Contains(signature) && !IsOmitted(signature))
            .ToList();

        Assert.True(missing.Count == 0, $"{mirror.Name} lacks: {string.Join("; ", missing)}");
        Assert.Equal(real.IsValueType, mirror.IsValueType);
        Assert.Equal(real.IsByRefLike, mirror.IsByRefLike);
        Assert.Equal(real.IsSealed && !real.IsValueType, mirror.IsSealed && !mirror.IsValueType);
    }

    private static bool IsOmitted(string signature) => Omitted.Keys.Any(prefix => signature.StartsWith(prefix, StringComparison.Ordinal));

    private static IEnumerable<MemberInfo> Members(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is ConstructorInfo or PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
            .Concat(type.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.IsFamily));

    /// <summary>The member as the compiler binds it: name, parameter names and types (caller-info parameters dropped), result.</summary>
    private static string Signature(MemberInfo member)
    {
        var (parameters, result) = member switch
        {
            MethodInfo method => (method.GetParameters(), TypeName(method.ReturnType)),
            ConstructorInfo ctor => (ctor.GetParameters(), ""),
            PropertyInfo property => (property.GetIndexParameters(), TypeName(property.PropertyType)),
            _ => throw new InvalidOperationException(member.ToString()),
        };
        var kept = parameters.Where(p => !IsCallerInfo(p)).Select(p => $"{TypeName(p.ParameterType)} {p.Name}");
        var generic = member is MethodInfo { IsGenericMethod: true } g ? $"<{g.GetGenericArguments().Length}>" : "";
        var shape = member is PropertyInfo ? "" : $"({string.Join(", ", kept)})";
        return $"{member.DeclaringType!.Name}.{member.Name}{generic}{shape}{(result.Length == 0 ? "" : " : " + result)}";
    }

    private static bool IsCallerInfo(ParameterInfo parameter) =>
        parameter.IsDefined(typeof(CallerFilePathAttribute)) ||
        parameter.IsDefined(typeof(CallerLineNumberAttribute)) ||
        parameter.IsDefined(typeof(CallerArgumentExpressionAttribute));

    /// <summary>A type's name with System.Threading's mirrored types read as Loom.Threading's.</summary>
    private static string TypeName(Type type) =>
        type.ToString().Replace("System.Threading.Lock+Scope", "Loom.Threading.Lock+Scope", StringComparison.Ordinal)
            .Replace("System.Threading.Barrier", "Loom.Threading.Barrier", StringComparison.Ordinal)
            .Replace("System.Threading.EventWaitHandle", "Loom.Threading.EventWaitHandle", StringComparison.Ordinal);

    [Fact]
    public void The_omitted_members_exist_in_the_real_types_so_the_list_stays_honest()
    {
        var real = Pairs().Select(row => ((ITheoryDataRow)row).GetData()[0]).OfType<Type>().SelectMany(Members).Select(Signature).ToHashSet();
        Assert.All(Omitted.Keys, prefix => Assert.Contains(real, signature => signature.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
