using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;

namespace Loom.Coverage.Catalog;

/// <summary>
/// What a portable PDB says about how its assembly was compiled: the source documents (with the text of the
/// generated ones, which the compiler embeds), the preprocessor symbols and the language version. Roslyn writes
/// these for every portable PDB so that a build can be reproduced; Loom reads them to compile the same code again.
/// </summary>
internal sealed class PdbCompilationInfo
{
    private static readonly Guid CompilationOptionsKind = new("B5FEEC05-8CD0-4A83-96DA-466284BB4BD8");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public List<string> Documents { get; } = [];

    /// <summary>Source text the compiler embedded in the PDB (source-generated files), by document path.</summary>
    public Dictionary<string, string> EmbeddedSources { get; } = new(StringComparer.Ordinal);

    public List<string> Defines { get; } = [];

    public string? LanguageVersion { get; private set; }

    public string? Language { get; private set; }

    public static PdbCompilationInfo Read(MetadataReader pdb)
    {
        var info = new PdbCompilationInfo();
        foreach (var handle in pdb.Documents)
        {
            var document = pdb.GetDocument(handle);
            var path = pdb.GetString(document.Name);
            info.Documents.Add(path);
            foreach (var cdiHandle in pdb.GetCustomDebugInformation(handle))
            {
                var cdi = pdb.GetCustomDebugInformation(cdiHandle);
                if (pdb.GetGuid(cdi.Kind) == EmbeddedSourceKind && ReadEmbeddedSource(pdb.GetBlobBytes(cdi.Value)) is { } text)
                    info.EmbeddedSources[path] = text;
            }
        }
        foreach (var cdiHandle in pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var cdi = pdb.GetCustomDebugInformation(cdiHandle);
            if (pdb.GetGuid(cdi.Kind) == CompilationOptionsKind)
                info.ReadOptions(pdb.GetBlobBytes(cdi.Value));
        }
        return info;
    }

    // The options blob is a list of null-terminated UTF-8 strings: key, value, key, value, ...
    private void ReadOptions(byte[] blob)
    {
        var parts = Encoding.UTF8.GetString(blob).Split('\0');
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            switch (parts[i])
            {
                case "define":
                    Defines.AddRange(parts[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "language-version":
                    LanguageVersion = parts[i + 1];
                    break;
                case "language":
                    Language = parts[i + 1];
                    break;
            }
        }
    }

    // An embedded source is an int32 format (0: stored as is; otherwise the deflated text's original size) and the bytes.
    private static string? ReadEmbeddedSource(byte[] blob)
    {
        if (blob.Length < 4)
            return null;
        var format = BitConverter.ToInt32(blob, 0);
        if (format == 0)
            return Encoding.UTF8.GetString(blob, 4, blob.Length - 4);
        using var deflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
