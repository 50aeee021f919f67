using Loom.Interception;
using Xunit;

namespace Loom.Tests.Interception;

/// <summary>
/// The array stand-ins inside an execution take what <c>ldelem</c> and <c>stelem</c> take: the rewriter calls them with
/// the instruction's element type, which for <c>ldelem.ref</c> is <see cref="object"/> whatever the array's is.
/// </summary>
public class ArrayCallsTests
{
    [Fact]
    public void Inside_an_execution_a_covariant_array_is_read_written_and_checked_as_ldelem_and_stelem_do()
    {
        var seen = new List<string>();
        Exception? mismatch = null;
        Exception? outOfRange = null;
        // On a thread of the execution's own, so the model has something to control.
        var result = LoomModel.Explore(() => Rewritten.All(() =>
        {
            object[] names = new string[] { "a" };
            seen.Add((string)ArrayCalls.Read(names, 0, "Arrays.cs", 1));
            ArrayCalls.Write(names, 0, "b", "Arrays.cs", 2);
            seen.Add((string)ArrayCalls.ReadOnlyAddress(names, 0));
            mismatch = Record.Exception(() => ArrayCalls.Write(names, 0, 1, "Arrays.cs", 3));
            outOfRange = Record.Exception(() => ArrayCalls.Read(names, 1, "Arrays.cs", 4));
        }));

        Assert.True(result.Passed, result.Failure?.Report);
        Assert.Equal(["a", "b"], seen);
        Assert.IsType<ArrayTypeMismatchException>(mismatch);
        Assert.IsType<IndexOutOfRangeException>(outOfRange);
    }

    [Fact]
    public void Outside_an_execution_a_readonly_address_of_a_covariant_array_is_the_element_and_a_plain_one_checks_the_type()
    {
        object[] names = new string[] { "a" };

        Assert.Equal("a", ArrayCalls.ReadOnlyAddress(names, 0));
        Assert.Throws<ArrayTypeMismatchException>(() => ArrayCalls.Address(names, 0));
        Assert.Throws<IndexOutOfRangeException>(() => ArrayCalls.ReadOnlyAddress(names, -1));
        Assert.Throws<NullReferenceException>(() => ArrayCalls.ReadOnlyAddress<object>(null!, 0));
    }
}
