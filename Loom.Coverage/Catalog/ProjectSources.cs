using System;
using System.Collections.Generic;

namespace Loom.Coverage.Catalog;

/// <summary>
/// A built project of the code under test as its portable PDB describes it, read without Roslyn: enough to decide
/// whether a cached catalog still holds (<see cref="CatalogCache"/>) before anything is compiled.
/// </summary>
/// <param name="AssemblyPath">The built assembly.</param>
/// <param name="Mvid">The assembly's module version id, which changes whenever its build inputs change.</param>
/// <param name="Info">What the PDB says about the compilation: documents, embedded sources, defines, language version.</param>
/// <param name="UserFiles">The source files on disk, which are scanned; generated files only help binding.</param>
internal sealed record ProjectSources(string AssemblyPath, Guid Mvid, PdbCompilationInfo Info, HashSet<string> UserFiles);
