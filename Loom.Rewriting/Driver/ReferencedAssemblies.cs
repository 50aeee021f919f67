using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Loom.Rewriting.Driver;

/// <summary>The names of the assemblies an assembly references, read from its metadata alone.</summary>
internal static class ReferencedAssemblies
{
    /// <summary>
    /// The names <paramref name="path"/> references; empty if it cannot be read (rewriting it then reports why).
    /// </summary>
    public static IReadOnlyList<string> Of(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata)
                return [];
            var metadata = pe.GetMetadataReader();
            var names = new List<string>();
            foreach (var handle in metadata.AssemblyReferences)
                names.Add(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
            return names;
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException)
        {
            return [];
        }
    }
}
