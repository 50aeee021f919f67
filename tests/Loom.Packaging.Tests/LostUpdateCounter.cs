using System.Threading;

namespace Loom.Packaging.Tests;

/// <summary>
/// Code under test written against System.Threading, in a project that references Loom.Core.csproj and imports its
/// build file by hand with LoomThreading=true: <c>Volatile</c> here means Loom.Threading.Volatile.
/// </summary>
public sealed class LostUpdateCounter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public void Increment()
    {
        var value = Volatile.Read(ref _value);
        Volatile.Write(ref _value, value + 1);
    }
}
