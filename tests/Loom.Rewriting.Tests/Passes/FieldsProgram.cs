using Xunit;

namespace Loom.Rewriting.Tests.Passes;

/// <summary>The code the fields pass's tests rewrite: fields and arrays of every kind the pass tracks or skips.</summary>
internal static class FieldsProgram
{
    public const string Source = """
        using System;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;

        public class Base
        {
            protected int _base;
        }

        public sealed class Counter : Base
        {
            private int _count = 3;                           // initializer
            private volatile bool _stopped;
            private static int s_total;
            private static volatile int s_flag;
            private readonly int _fixed = 7;
            [ThreadStatic] private static int t_perThread;
            public int Plain;
            public Point Spot;

            public int Bump()
            {
                _count++;                                     // bump
                s_total += 2;                                 // total
                return _count + s_total;                      // sum
            }

            public bool Stop()
            {
                _stopped = true;
                s_flag = 1;
                return _stopped && s_flag == 1;
            }

            public int Increment()
            {
                Interlocked.Increment(ref _count);            // interlocked
                Interlocked.Increment(ref s_total);
                ref int alias = ref _count;
                alias += 10;
                return _count;
            }

            public int Untracked() => _fixed + t_perThread++;

            public int MoveSpot()
            {
                Spot.X = 4;
                return Spot.X + Spot.Sum();
            }
        }

        public struct Point
        {
            public int X;
            public int Y;

            public int Sum() => X + Y;
        }

        public class Box<T>
        {
            public T Value = default!;
            public static int Count;

            public T Get()
            {
                Count++;                                      // inside
                return Value;
            }

            public void Set(T value) => Value = value;
        }

        public enum Color { Red, Green, Blue }

        public static class Program
        {
            private static int s_state;
            private static Exception? s_last;
            private static int s_left = 1;
            private static int s_right = 2;

            public static int Fields() => new Counter().Bump();

            public static bool Volatiles() => new Counter().Stop();

            public static int Addresses() => new Counter().Increment();

            public static int NullRead() => Nothing().Plain;

            public static void NullWrite() => Nothing().Plain = 1;

            public static int NullAddress() => Interlocked.Increment(ref Nothing().Plain);

            public static int Untracked() => new Counter().Untracked();

            public static int Structs() => new Counter().MoveSpot();

            public static string Boxes()
            {
                var ints = new Box<int>();
                ints.Value = 3;
                ints.Set(ints.Value + 1);
                var strings = new Box<string>();
                strings.Value = "a";                          // outside
                strings.Set(strings.Get() + "b");
                return $"{ints.Get()} {strings.Value} {Box<int>.Count} {Box<string>.Count}";
            }

            public static int Closures()
            {
                int captured = 0;
                Action bump = () => captured++;               // captured
                bump();
                bump();
                return captured + Task.Run(() => captured * 10).Result;
            }

            public static int PickFirst() => Pick(true);

            public static int PickSecond() => Pick(false);

            public static int Cached()
            {
                Func<int> one = () => 1;
                return one() + one();
            }

            private static int Pick(bool first)
            {
                var a = new Counter { Plain = 1 };
                var b = new Counter { Plain = 2 };
                return Choose(first, a, b) * 10 + ChooseStatic(first);
            }

            private static int Choose(bool first, Counter a, Counter b) => (first ? a : b).Plain;

            private static int ChooseStatic(bool first) => first ? s_left : s_right;

            public static int Guarded()
            {
                try
                {
                    s_state = 1;
                    throw new InvalidOperationException("thrown");
                }
                catch (InvalidOperationException e)
                {
                    s_last = e;
                    s_state += 10;
                }
                finally
                {
                    s_state *= 2;
                }
                return s_state + (s_last is null ? 0 : 100);
            }

            public static string Arrays()
            {
                var ints = new int[3];
                ints[1] = 5;                                  // element
                ints[2] = ints[1] * 2;
                var flags = new bool[2];
                flags[1] = true;
                var chars = new char[2];
                chars[0] = 'x';
                var colors = new Color[2];
                colors[1] = Color.Blue;
                var names = new string[2];
                names[0] = "n";
                var points = new Point[2];
                points[1].X = 3;
                points[0] = new Point { Y = 2 };
                long at = 1;
                ints[at] += 1;
                nint n = 2;
                ref int slot = ref ints[n];
                slot++;
                return $"{ints[1]} {ints[2]} {ints[at]} {flags[1]} {flags[0]} {chars[0]} {colors[1]} {names[0]} {points[1].X} {points[0].Y}";
            }

            public static int OutOfRange() => (new int[2])[2];

            public static int Negative() => (new int[2])[-1];

            public static int OutOfRangeLong()
            {
                var array = new int[2];
                long at = 5;
                return array[at];
            }

            public static int NullArray() => NoArray()[0];

            public static void CovariantStore()
            {
                object[] array = new string[1];
                array[0] = 1;
            }

            public static object CovariantRead()
            {
                object[] array = new string[] { "read" };
                array[0] = "stored";
                return array[0];
            }

            public static string CovariantGeneric() => Describe<object>(new string[] { "described" });

            public static void CovariantGenericStore() => Put<object>(new string[1], 1);

            public static string GenericStore()
            {
                var array = new string[1];
                Put<object>(array, "put");
                return array[0];
            }

            private static string Describe<T>(T[] items) => items[0]!.ToString()!;

            private static void Put<T>(T[] items, T item) => items[0] = item;

            public static int Async() => Work().Result;

            private static async Task<int> Work()
            {
                int local = 1;
                await Task.Yield();
                return local + 1;
            }

            public static int Framework()
            {
                var box = new StrongBox<int>(1);
                box.Value++;
                return box.Value;
            }

            private static Counter Nothing() => null!;

            private static int[] NoArray() => null!;
        }
        """;

    /// <summary>The 1-based line of <see cref="Source"/> that holds <paramref name="marker"/>.</summary>
    public static int Line(string marker)
    {
        var lines = Source.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line holds {marker}");
        return index + 1;
    }
}
