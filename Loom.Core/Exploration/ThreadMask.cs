using System.Collections.Generic;
using System.Globalization;

namespace Loom.Exploration;

/// <summary>Describes thread sets (bit masks by thread number) in messages.</summary>
internal static class ThreadMask
{
    /// <summary>The thread numbers in the set, comma-separated, or <c>(none)</c>.</summary>
    public static string Describe(ulong mask)
    {
        var names = new List<string>();
        for (var t = 0; mask != 0; t++, mask >>= 1)
        {
            if ((mask & 1) != 0)
                names.Add(t.ToString(CultureInfo.InvariantCulture));
        }
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
