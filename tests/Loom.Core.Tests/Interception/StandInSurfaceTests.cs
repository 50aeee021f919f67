using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using Loom.Interception;
using Xunit;

namespace Loom.Tests.Interception;

/// <summary>
/// The rewriter redirects a call to a member of a target type only if its stand-in has exactly the shape
/// <see cref="InterceptsAttribute"/> describes. For every synchronization type, every public member of the BCL type
/// must have such a stand-in or be on the pass-through list below with the reason the real member is right even
/// inside an execution; and every stand-in must match a real member, so a typo cannot hide a missing one.
/// </summary>
public class StandInSurfaceTests
{
    /// <summary>The targets of the synchronization pass, and for each, the members in its scope (null: all of them).</summary>
    public static readonly Dictionary<Type, string[]?> Targets = new()
    {
        [typeof(System.Threading.Monitor)] = null,
        [typeof(System.Threading.Lock)] = null,
        [typeof(System.Threading.Lock.Scope)] = null,
        [typeof(System.Threading.Interlocked)] = null,
        [typeof(System.Threading.Volatile)] = null,
        [typeof(System.Threading.Thread)] = null,
        // Only the thread identity: Environment's time members belong to the time pass, the rest is not concurrency.
        [typeof(Environment)] = ["get_CurrentManagedThreadId"],
        [typeof(System.Threading.SemaphoreSlim)] = null,
        [typeof(System.Threading.ManualResetEventSlim)] = null,
        [typeof(System.Threading.EventWaitHandle)] = null,
        [typeof(System.Threading.ManualResetEvent)] = null,
        [typeof(System.Threading.AutoResetEvent)] = null,
        [typeof(System.Threading.WaitHandle)] = null,
        [typeof(System.Threading.CountdownEvent)] = null,
        [typeof(System.Threading.Barrier)] = null,
        [typeof(System.Threading.ReaderWriterLockSlim)] = null,
        [typeof(System.Threading.SpinLock)] = null,
        [typeof(System.Threading.SpinWait)] = null,
    };

    /// <summary>Members whose real implementation runs even inside an execution (key: <c>Type.Member</c> for every overload, or with its parameter types for one), and why.</summary>
    public static readonly Dictionary<string, string> PassThrough = new()
    {
        ["Thread.get_IsThreadPoolThread"] = "a property of the OS thread; logical threads run on Loom's own workers, which are not pool threads",
        ["Thread.get_Priority"] = "a scheduling hint to the OS; Loom's scheduler ignores it, as it must to explore every order",
        ["Thread.set_Priority"] = "a scheduling hint to the OS; Loom's scheduler ignores it, as it must to explore every order",
        ["Thread.get_CurrentCulture"] = "flows with the execution context, which logical threads carry as real threads do",
        ["Thread.set_CurrentCulture"] = "flows with the execution context, which logical threads carry as real threads do",
        ["Thread.get_CurrentUICulture"] = "flows with the execution context, which logical threads carry as real threads do",
        ["Thread.set_CurrentUICulture"] = "flows with the execution context, which logical threads carry as real threads do",
        ["Thread.get_CurrentPrincipal"] = "flows with the execution context, which logical threads carry as real threads do",
        ["Thread.set_CurrentPrincipal"] = "flows with the execution context, which logical threads carry as real threads do",
        ["Thread.get_ExecutionContext"] = "the context object itself; capturing it synchronizes nothing",
        ["Thread.GetApartmentState"] = "COM apartments (Windows only) do not affect the model",
        ["Thread.SetApartmentState"] = "COM apartments (Windows only) do not affect the model",
        ["Thread.TrySetApartmentState"] = "COM apartments (Windows only) do not affect the model",
        ["Thread.get_ApartmentState"] = "obsolete COM apartment property; does not affect the model",
        ["Thread.set_ApartmentState"] = "obsolete COM apartment property; does not affect the model",
        ["Thread.DisableComObjectEagerCleanup"] = "COM cleanup (Windows only); does not affect the model",
        ["Thread.Abort"] = "obsolete; throws PlatformNotSupportedException on .NET, inside an execution too",
        ["Thread.ResetAbort"] = "obsolete; throws PlatformNotSupportedException on .NET, inside an execution too",
        ["Thread.Suspend"] = "obsolete; throws PlatformNotSupportedException on .NET, inside an execution too",
        ["Thread.Resume"] = "obsolete; throws PlatformNotSupportedException on .NET, inside an execution too",
        ["Thread.GetCompressedStack"] = "obsolete; throws InvalidOperationException on .NET, inside an execution too",
        ["Thread.SetCompressedStack"] = "obsolete; throws InvalidOperationException on .NET, inside an execution too",
        ["Thread.BeginCriticalRegion"] = "a no-op on .NET",
        ["Thread.EndCriticalRegion"] = "a no-op on .NET",
        ["Thread.BeginThreadAffinity"] = "a no-op on .NET",
        ["Thread.EndThreadAffinity"] = "a no-op on .NET",
        ["Thread.AllocateDataSlot"] = "thread-local data slots (legacy): not modelled; inside an execution a slot belongs to the pooled OS thread, so use AsyncLocal or fields instead (docs/rewriting-sync.md)",
        ["Thread.AllocateNamedDataSlot"] = "thread-local data slots (legacy): not modelled; see AllocateDataSlot",
        ["Thread.GetNamedDataSlot"] = "thread-local data slots (legacy): not modelled; see AllocateDataSlot",
        ["Thread.FreeNamedDataSlot"] = "thread-local data slots (legacy): not modelled; see AllocateDataSlot",
        ["Thread.GetData"] = "thread-local data slots (legacy): not modelled; see AllocateDataSlot",
        ["Thread.SetData"] = "thread-local data slots (legacy): not modelled; see AllocateDataSlot",
        ["Thread.GetDomain"] = "the one AppDomain; nothing to model",
        ["Thread.GetDomainID"] = "the one AppDomain; nothing to model",
        ["Thread.GetHashCode"] = "object identity, the same for the real thread object either way",
        ["Thread.GetCurrentProcessorId"] = "a hint (which processor the OS thread last ran on) that no correct program depends on",
        ["Thread.VolatileRead"] = "obsolete (SYSLIB0054-era: use Volatile.Read); not yet modelled: a known gap, listed in docs/rewriting-sync.md",
        ["Thread.VolatileWrite"] = "obsolete (use Volatile.Write); not yet modelled: a known gap, listed in docs/rewriting-sync.md",
        ["ManualResetEventSlim.get_SpinCount"] = "fixed at construction; Loom's waits never spin",
        ["EventWaitHandle..ctor(System.Boolean, System.Threading.EventResetMode, System.String)"] = "named events are shared across processes, outside any model; a wait on one inside an execution waits on a model probed from it",
        ["EventWaitHandle..ctor(System.Boolean, System.Threading.EventResetMode, System.String, System.Boolean&)"] = "named events are shared across processes, outside any model",
        ["EventWaitHandle..ctor(System.Boolean, System.Threading.EventResetMode, System.String, System.Threading.NamedWaitHandleOptions)"] = "named events are shared across processes, outside any model",
        ["EventWaitHandle..ctor(System.Boolean, System.Threading.EventResetMode, System.String, System.Threading.NamedWaitHandleOptions, System.Boolean&)"] = "named events are shared across processes, outside any model",
        ["EventWaitHandle.OpenExisting"] = "named events are shared across processes, outside any model",
        ["EventWaitHandle.TryOpenExisting"] = "named events are shared across processes, outside any model",
        ["ManualResetEvent..ctor"] = "the reset mode is the type's, so there is nothing to record; its Set, Reset and waits are EventWaitHandle's and WaitHandle's stand-ins",
        ["AutoResetEvent..ctor"] = "the reset mode is the type's, so there is nothing to record; its Set, Reset and waits are EventWaitHandle's and WaitHandle's stand-ins",
        ["WaitHandle.get_Handle"] = "the OS handle: what native code does with it is outside Loom",
        ["WaitHandle.set_Handle"] = "the OS handle: what native code does with it is outside Loom",
        ["WaitHandle.get_SafeWaitHandle"] = "the OS handle: what native code does with it is outside Loom",
        ["WaitHandle.set_SafeWaitHandle"] = "the OS handle: what native code does with it is outside Loom",
        ["ReaderWriterLockSlim.get_RecursionPolicy"] = "fixed at construction; reading it synchronizes nothing",
        ["SpinLock.get_IsThreadOwnerTrackingEnabled"] = "fixed at construction; reading it synchronizes nothing",
        ["SpinWait.get_Count"] = "the spinner's own counter, a value of the calling thread; the model counts its spins there",
        ["SpinWait.Reset"] = "resets the spinner's own counter, a value of the calling thread",
    };

    public static TheoryData<Type> TargetTypes() => new(Targets.Keys);

    [Theory]
    [MemberData(nameof(TargetTypes))]
    public void Every_public_member_of_the_target_has_a_stand_in_or_a_reason_to_pass_through(Type target)
    {
        var offered = StandIns(target).Select(Shape).ToHashSet();
        var missing = RealMembers(target)
            .Where(member => !offered.Contains(ExpectedShape(target, member)) && !IsPassThrough(target, member))
            .Select(member => Key(target, member))
            .ToList();
        Assert.True(missing.Count == 0, $"{target.Name} lacks stand-ins for: {string.Join("; ", missing)}");
    }

    [Theory]
    [MemberData(nameof(TargetTypes))]
    public void Every_stand_in_matches_a_real_member_and_follows_the_convention(Type target)
    {
        var expected = RealMembers(target).Select(member => ExpectedShape(target, member)).ToHashSet();
        foreach (var standIn in StandIns(target))
        {
            Assert.True(expected.Contains(Shape(standIn)), $"{standIn.DeclaringType!.Name}.{standIn.Name} ({Shape(standIn)}) matches no public member of {target.Name}");
            var parameters = standIn.GetParameters();
            var firstCallerInfo = Array.FindIndex(parameters, IsCallerInfo);
            if (firstCallerInfo >= 0)
            {
                Assert.All(parameters[firstCallerInfo..], p => Assert.True(IsCallerInfo(p) && p.IsOptional, $"{standIn.Name}: caller-info parameters come last and are optional ({p.Name})"));
            }
        }
    }

    [Fact]
    public void Each_target_has_one_class_of_stand_ins_hidden_from_completion_unless_it_is_the_mirror()
    {
        foreach (var (target, scope) in Targets)
        {
            var classes = InterceptingClasses().Where(c => c.GetCustomAttribute<InterceptsAttribute>()!.Target == target).ToList();
            if (RealMembers(target).All(member => IsPassThrough(target, member)))
            {
                Assert.Empty(classes);
                continue;
            }
            var standIns = Assert.Single(classes);
            Assert.True(standIns.IsAbstract && standIns.IsSealed, $"{standIns.Name} is a static class");
            if (standIns.Namespace == "Loom.Interception")
                Assert.Equal(EditorBrowsableState.Never, standIns.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
            else
                Assert.Equal("Loom.Threading", standIns.Namespace);
        }
    }

    [Fact]
    public void Every_pass_through_entry_names_a_real_member_so_the_list_stays_honest()
    {
        var keys = Targets.Keys.SelectMany(t => RealMembers(t).SelectMany(m => new[] { $"{t.Name}.{MemberName(m)}", Key(t, m) })).ToHashSet();
        Assert.All(PassThrough.Keys, key => Assert.Contains(key, keys));
    }

    private static IEnumerable<Type> InterceptingClasses() =>
        typeof(InterceptsAttribute).Assembly.GetTypes().Where(t => t.GetCustomAttribute<InterceptsAttribute>() is not null);

    private static IEnumerable<MethodInfo> StandIns(Type target) =>
        InterceptingClasses()
            .Where(c => c.GetCustomAttribute<InterceptsAttribute>()!.Target == target)
            .SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));

    private static IEnumerable<MethodBase> RealMembers(Type target)
    {
        var members = target.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).OfType<MethodBase>();
        return Targets[target] is { } scope ? members.Where(m => scope.Contains(m.Name)) : members;
    }

    private static bool IsPassThrough(Type target, MethodBase member) =>
        PassThrough.ContainsKey($"{target.Name}.{MemberName(member)}") || PassThrough.ContainsKey(Key(target, member));

    private static string MemberName(MethodBase member) => member is ConstructorInfo ? ".ctor" : member.Name;

    private static string Key(Type target, MethodBase member) =>
        $"{target.Name}.{MemberName(member)}({string.Join(", ", member.GetParameters().Select(p => p.ParameterType.ToString()))})";

    /// <summary>The stand-in a real member needs: its IL name (New for a constructor), the instance first, its own parameters, its result.</summary>
    private static string ExpectedShape(Type target, MethodBase member)
    {
        var parameters = new List<string>();
        if (!member.IsStatic && member is MethodInfo)
            parameters.Add(TypeShape(target.IsValueType ? target.MakeByRefType() : target));
        parameters.AddRange(member.GetParameters().Select(p => TypeShape(p.ParameterType)));
        var result = member is MethodInfo method ? TypeShape(method.ReturnType) : TypeShape(target);
        var arity = member is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments().Length : 0;
        return $"{(member is ConstructorInfo ? "New" : member.Name)}`{arity}({string.Join(", ", parameters)}) : {result}";
    }

    /// <summary>A stand-in's shape, without its caller-info parameters.</summary>
    private static string Shape(MethodInfo standIn)
    {
        var parameters = standIn.GetParameters().Where(p => !IsCallerInfo(p)).Select(p => TypeShape(p.ParameterType));
        var arity = standIn.IsGenericMethod ? standIn.GetGenericArguments().Length : 0;
        return $"{standIn.Name}`{arity}({string.Join(", ", parameters)}) : {TypeShape(standIn.ReturnType)}";
    }

    /// <summary>A type as the rewriter compares it: a method's generic parameters by position.</summary>
    private static string TypeShape(Type type) => type switch
    {
        { IsByRef: true } => TypeShape(type.GetElementType()!) + "&",
        { IsArray: true } => TypeShape(type.GetElementType()!) + "[]",
        { IsGenericParameter: true } => "!!" + type.GenericParameterPosition,
        { IsGenericType: true } => $"{type.GetGenericTypeDefinition().FullName}[{string.Join(",", type.GetGenericArguments().Select(TypeShape))}]",
        _ => type.FullName ?? type.Name,
    };

    private static bool IsCallerInfo(ParameterInfo parameter) =>
        parameter.IsDefined(typeof(CallerFilePathAttribute)) ||
        parameter.IsDefined(typeof(CallerLineNumberAttribute)) ||
        parameter.IsDefined(typeof(CallerArgumentExpressionAttribute));
}
