using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Loom.Runtime.Sharing;

/// <summary>
/// The memory of one execution that rewritten code reaches by plain and volatile field accesses, array element
/// accesses and opaque collections' operations. Each location is named by its object and field (or array and index),
/// never by address, so a garbage collection moving the object changes nothing.
/// <para>
/// Every access is checked for a data race against the accessing thread's vector clock. A location only one thread
/// has touched costs a lookup and that check, no scheduling point. A race (two threads, one writing, no happens-before)
/// is noted for the exploration (<see cref="RacingLocations"/>): from the next execution on, every access to that
/// location is a scheduling point whose loads the .NET memory model answers, and the test's own assertion decides
/// whether the race matters. With <see cref="LoomOptions.ReportDataRaces"/> a data race fails the execution instead.
/// </para>
/// </summary>
internal sealed class SharedMemory
{
    /// <summary>How many recent address-takings (<c>ldflda</c>) of a thread are remembered for the stand-in that receives the reference.</summary>
    private const int NotedPerThread = 4;

    private readonly Execution _execution;
    private readonly RacingLocations _racing;
    private readonly Dictionary<Key, SharedLocation> _locations = new(KeyComparer.Instance);
    private readonly List<NotedAddress[]?> _noted = new();
    private readonly List<int> _nextNote = new();

    /// <summary>
    /// Per thread, the step of its last unscheduled access and how many it made at that step: a thread that spins on a
    /// field nobody else has written yet would otherwise never reach a scheduling point.
    /// </summary>
    private readonly List<(int Step, int Count)> _unscheduled = new();

    /// <summary>After this many accesses without a scheduling point, a thread's next access is one.</summary>
    private const int MaxUnscheduled = 1000;

    /// <summary>A thread that reads one racing location this many times in a row while nobody writes it is spinning.</summary>
    private const int SpinReads = 64;

    /// <summary>Per thread, the racing location it read last, that location's write count then, and how many reads in a row.</summary>
    private readonly List<(SharedLocation? Location, int Writes, int Count)> _spins = new();
    private List<RaceFound>? _found;

    public SharedMemory(Execution execution, RacingLocations racing)
    {
        _execution = execution;
        _racing = racing;
    }

    /// <summary>The races this execution found on locations that were not racing yet, for the exploration's next executions.</summary>
    public IReadOnlyList<RaceFound> NewRaces => (IReadOnlyList<RaceFound>?)_found ?? [];

    /// <summary>The shared memory of <paramref name="me"/>'s execution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SharedMemory Of(LogicalThread me) => me.Execution.Shared;

    /// <summary>A load of a field (<paramref name="owner"/> is <see langword="null"/> for a static field).</summary>
    public T Load<T>(LogicalThread me, object? owner, ref T field, RuntimeFieldHandle handle, string name, MemoryOrder order, string? file, int line) =>
        Load(me, Field(owner, handle, name), ref field, order, file, line);

    /// <summary>A store to a field (<paramref name="owner"/> is <see langword="null"/> for a static field); writes real memory.</summary>
    public void Store<T>(LogicalThread me, object? owner, ref T field, T value, RuntimeFieldHandle handle, string name, MemoryOrder order, string? file, int line) =>
        Store(me, Field(owner, handle, name), ref field, value, order, file, line);

    /// <summary>A load of an array element.</summary>
    public T LoadElement<T>(LogicalThread me, T[] array, nint index, ref T element, string? file, int line)
    {
        if (!Typed(array))
        {
            Untyped(me, Element(array, index), write: false, file, line);
            return element;
        }
        return Load(me, Element(array, index), ref element, MemoryOrder.Plain, file, line);
    }

    /// <summary>A store to an array element; writes real memory.</summary>
    public void StoreElement<T>(LogicalThread me, T[] array, nint index, ref T element, T value, string? file, int line)
    {
        if (!Typed(array))
        {
            Untyped(me, Element(array, index), write: true, file, line);
            element = value;
            return;
        }
        Store(me, Element(array, index), ref element, value, MemoryOrder.Plain, file, line);
    }

    /// <summary>
    /// Whether the instruction's element type is the array's: C# reads a <c>bool[]</c> with <c>ldelem.u1</c> and writes
    /// it with <c>stelem.i1</c>, a <c>char[]</c> or an enum array as integers, so one element can arrive as several
    /// types. Their stores are not kept as values, which would not compare across the types: such an element is
    /// race-checked and, once racing, a scheduling point, but its loads always read real memory.
    /// </summary>
    private static bool Typed<T>(T[] array) => !typeof(T).IsValueType || array.GetType() == typeof(T[]);

    private void Untyped(LogicalThread me, SharedLocation location, bool write, string? file, int line)
    {
        var access = write ? AccessKind.Write : AccessKind.Read;
        if (location.Racing)
            Schedule(me, location, write ? "write" : "read", access, file, line, weak: false);
        else
            Pace(me, location, access, file, line);
        Check(me, location, write, file, line, ordered: false);
    }

    /// <summary>
    /// An operation on an object whose insides Loom does not see (an ordinary collection): a read or a write of its
    /// contents, tracked like a field named <paramref name="what"/>, so two threads using it without a lock race.
    /// </summary>
    public void Access(LogicalThread me, object owner, string what, bool write, string? file, int line)
    {
        Untyped(me, Locate(new Key(owner, RacingLocations.Hash(what), KeyKind.Contents), owner, what), write, file, line);
    }

    /// <summary>Remembers that <paramref name="field"/> is this object's field, for the next stand-in that receives the reference.</summary>
    public unsafe void NoteAddress<T>(LogicalThread me, object? owner, ref T field, RuntimeFieldHandle handle, string name)
    {
        var location = Field(owner, handle, name);
        var offset = owner is null
            ? (nint)Unsafe.AsPointer(ref field)
            : Unsafe.ByteOffset(ref RawData(owner), ref Unsafe.As<T, byte>(ref field));
        Note(me, new NotedAddress(owner, offset, false, location));
    }

    /// <summary>Remembers that <paramref name="element"/> is this array's element, for the next stand-in that receives the reference.</summary>
    public void NoteElementAddress<T>(LogicalThread me, T[] array, nint index, ref T element)
    {
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference((Array)array), ref Unsafe.As<T, byte>(ref element));
        Note(me, new NotedAddress(array, offset, true, Element(array, index)));
    }

    /// <summary>
    /// The location a reference names, if <paramref name="me"/> just took it from a field or an array element of
    /// rewritten code; <see langword="null"/> otherwise (then only its address names it).
    /// </summary>
    public unsafe SharedLocation? Resolve<T>(LogicalThread me, ref T reference)
    {
        if (me.Number >= _noted.Count || _noted[me.Number] is not { } noted)
            return null;
        ref var target = ref Unsafe.As<T, byte>(ref reference);
        for (var k = 0; k < NotedPerThread; k++)
        {
            var entry = noted[(_nextNote[me.Number] - 1 - k + NotedPerThread) % NotedPerThread];
            if (entry.Location is null)
                continue;
            if (entry.Owner is null)
            {
                // Static fields live in storage the collector does not move.
                if ((nint)Unsafe.AsPointer(ref target) == entry.Offset)
                    return entry.Location;
                continue;
            }
            ref var start = ref entry.Element ? ref MemoryMarshal.GetArrayDataReference((Array)entry.Owner) : ref RawData(entry.Owner);
            if (Unsafe.AreSame(ref target, ref Unsafe.AddByteOffset(ref start, entry.Offset)))
                return entry.Location;
        }
        return null;
    }

    /// <summary>The memory model's location for a shared location reached by reference (Interlocked, Volatile).</summary>
    public MemoryLocation ModelOf(SharedLocation location, string kind) => location.Model ??= NewModel(location, kind);

    /// <summary>
    /// An atomic or volatile operation (Interlocked, Volatile, a struct's model) on a shared location, after its
    /// scheduling point: recorded for race detection against the location's plain accesses.
    /// </summary>
    public void Ordered(LogicalThread me, SharedLocation location, bool write, string? file, int line) =>
        Check(me, location, write, file, line, ordered: true, atomic: true);

    private T Load<T>(LogicalThread me, SharedLocation location, ref T real, MemoryOrder order, string? file, int line)
    {
        var ordered = order != MemoryOrder.Plain;
        if (ordered)
            location.Volatile = true;
        if (location.Racing)
        {
            var model = ModelOf(location, TypeNames.Of<T>());
            var spinning = Spinning(me, location);
            Schedule(me, location, ordered ? "volatile read" : "read", AccessKind.Read, file, line, weak: _execution.Memory.Weak, spinning);
            if (spinning)
                _execution.Memory.OnYield(me);
            Check(me, location, write: false, file, line, ordered);
            var value = _execution.Memory.Load(me, model, real, order, file, line);
            _execution.RecordValue(me, value);
            return value;
        }
        Pace(me, location, AccessKind.Read, file, line);
        Check(me, location, write: false, file, line, ordered);
        if (location.Model is { } known)
            return _execution.Memory.Load(me, known, real, order, file, line, mayReadOlder: false);
        return real;
    }

    private void Store<T>(LogicalThread me, SharedLocation location, ref T real, T value, MemoryOrder order, string? file, int line)
    {
        var ordered = order != MemoryOrder.Plain;
        if (ordered)
            location.Volatile = true;
        if (location.Racing)
            Schedule(me, location, ordered ? "volatile write" : "write", AccessKind.Write, file, line, weak: false);
        else
            Pace(me, location, AccessKind.Write, file, line);
        Check(me, location, write: true, file, line, ordered);
        location.Writes++;
        // A volatile store releases: later acquiring loads need its clock, so it is remembered from the first.
        var model = location.Model ?? (location.Racing || ordered ? ModelOf(location, TypeNames.Of<T>()) : null);
        if (model is not null)
            _execution.Memory.Store(me, model, real, value, order, file, line);
        real = value;
        if (location.Racing)
            _execution.RecordValue(me, value);
    }

    private void Schedule(LogicalThread me, SharedLocation location, string api, AccessKind access, string? file, int line, bool weak, bool yields = false)
    {
        var model = location.Model ??= NewModel(location, location.Kind);
        var flags = (weak ? OperationFlags.WeakLoad : OperationFlags.None) | (yields ? OperationFlags.Yield : OperationFlags.None);
        _execution.Schedule(me, new Operation(api, access, model, file, line, flags));
    }

    /// <summary>
    /// Whether this read of a racing location is one of a spin: the thread has read it <see cref="SpinReads"/> times in
    /// a row and nobody wrote it meanwhile. The read then yields, as Thread.Yield does, so the strategy runs the
    /// threads the spinner waits for and the spin ends, instead of reaching the step bound on the default schedule.
    /// </summary>
    private bool Spinning(LogicalThread me, SharedLocation location)
    {
        while (_spins.Count <= me.Number)
            _spins.Add((null, 0, 0));
        var (last, writes, count) = _spins[me.Number];
        count = ReferenceEquals(last, location) && writes == location.Writes ? count + 1 : 1;
        var spinning = count >= SpinReads;
        _spins[me.Number] = (location, location.Writes, spinning ? 0 : count);
        return spinning;
    }

    /// <summary>
    /// Makes every <see cref="MaxUnscheduled"/>-th access in a row without a scheduling point one, so a thread spinning on
    /// a plain field lets the strategy run others and a loop that never ends meets the step bound instead of stalling.
    /// Which accesses these are depends only on the thread's own past, so replays agree.
    /// </summary>
    private void Pace(LogicalThread me, SharedLocation location, AccessKind access, string? file, int line)
    {
        while (_unscheduled.Count <= me.Number)
            _unscheduled.Add((-1, 0));
        var (step, count) = _unscheduled[me.Number];
        count = step == _execution.Step ? count + 1 : 1;
        if (count >= MaxUnscheduled)
        {
            // So many accesses with no scheduling point are most likely a spin: the point yields.
            Schedule(me, location, access == AccessKind.Read ? "read" : "write", access, file, line, weak: false, yields: true);
            _execution.Memory.OnYield(me);
            count = 0;
        }
        _unscheduled[me.Number] = (_execution.Step, count);
    }

    private void Check(LogicalThread me, SharedLocation location, bool write, string? file, int line, bool ordered, bool atomic = false)
    {
        if (_execution.Memory.CheckRace(me, location.Races, write, file, line, ordered, atomic) is not { } earlier)
            return;
        // Two Interlocked or Volatile calls are scheduling points already, and partial-order reduction orders them.
        if (earlier.Atomic && atomic)
            return;
        var dataRace = !(earlier.Ordered && ordered) && !location.Volatile;
        if (dataRace && _execution.Options.ReportDataRaces)
            FailDataRace(me, location, earlier, write, file, line);
        if (location.Racing || location.RaceNoted)
            return;
        location.RaceNoted = true;
        (_found ??= new()).Add(new RaceFound(location.Hash, location.Name));
    }

    private void FailDataRace(LogicalThread me, SharedLocation location, RaceState.Access earlier, bool write, string? file, int line)
    {
        var other = _execution.Threads[earlier.Thread];
        _execution.Fail(
            FailureKind.DataRace,
            $"Data race on {location.Name}: {me.Label} {(write ? "writes" : "reads")} it at {SourceText.Location(file, line)} (step {_execution.Step - 1}), " +
            $"and {other.Label}'s {earlier.Kind} at {earlier.Location} (step {earlier.Step}) does not happen before that: no lock, " +
            "volatile, Volatile or Interlocked operation orders the two. LoomOptions.ReportDataRaces is on, so every data race fails the test; " +
            "protect the field with a lock, make it volatile, or use Interlocked, or turn the option off to let the test's assertions decide.",
            me);
        throw new ExecutionAbortedException();
    }

    private SharedLocation Field(object? owner, RuntimeFieldHandle handle, string name) =>
        Locate(new Key(owner, handle.Value, KeyKind.Field), owner, name);

    private SharedLocation Element<T>(T[] array, nint index) => Locate(new Key(array, index, KeyKind.Element), array, null);

    private SharedLocation Locate(in Key key, object? owner, string? name)
    {
        if (_locations.TryGetValue(key, out var existing))
            return existing;
        var text = key.Kind switch
        {
            KeyKind.Element => $"{owner!.GetType().GetElementType()!.Name}[] element",
            KeyKind.Contents => $"{TypeNames.Of(owner!.GetType())} {name}",
            _ => name!,
        };
        var hash = RacingLocations.Hash(text);
        var kind = key.Kind switch
        {
            KeyKind.Element => "element",
            KeyKind.Contents => "contents",
            _ => "field",
        };
        var created = new SharedLocation(key.Kind == KeyKind.Element ? $"{text} {key.Id}" : text, hash, _racing.Contains(hash), kind);
        _locations.Add(key, created);
        return created;
    }

    private MemoryLocation NewModel(SharedLocation location, string kind)
    {
        var model = new MemoryLocation(_execution, kind, location.Name) { Shared = location };
        _execution.Track(model);
        return model;
    }

    private void Note(LogicalThread me, in NotedAddress entry)
    {
        while (_noted.Count <= me.Number)
        {
            _noted.Add(null);
            _nextNote.Add(0);
        }
        var noted = _noted[me.Number] ??= new NotedAddress[NotedPerThread];
        var next = _nextNote[me.Number];
        noted[next] = entry;
        _nextNote[me.Number] = (next + 1) % NotedPerThread;
    }

    /// <summary>The first byte of an object's fields: field offsets are counted from here.</summary>
    private static ref byte RawData(object owner) => ref Unsafe.As<RawObject>(owner).Data;

    /// <summary>Any class's layout seen as one byte field at the start of its fields.</summary>
    private sealed class RawObject
    {
#pragma warning disable CS0649 // Never written: only its address is taken, over other objects' fields.
        public byte Data;
#pragma warning restore CS0649
    }

    private enum KeyKind : byte
    {
        Field,
        Element,
        Contents,
    }

    /// <summary>A location's identity: an object (by reference, never by its own Equals) and a field handle, index or name hash.</summary>
    private readonly record struct Key(object? Owner, nint Id, KeyKind Kind);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) => ReferenceEquals(x.Owner, y.Owner) && x.Id == y.Id && x.Kind == y.Kind;

        public int GetHashCode(Key key) => HashCode.Combine(key.Owner is null ? 0 : RuntimeHelpers.GetHashCode(key.Owner), key.Id, key.Kind);
    }

    /// <summary>A reference a thread took from a field or an element: its owner and offset, so it can be recognized later.</summary>
    private readonly record struct NotedAddress(object? Owner, nint Offset, bool Element, SharedLocation? Location);
}
