using System.IO;

namespace Loom.Simulation;

/// <summary>The exceptions real file code gets, with the types and HRESULTs of System.IO's.</summary>
internal static class DiskErrors
{
    /// <summary>ERROR_DISK_FULL.</summary>
    private const int DiskFullHResult = unchecked((int)0x80070070);

    /// <summary>ERROR_IO_DEVICE.</summary>
    private const int IoDeviceHResult = unchecked((int)0x8007045D);

    /// <summary>ERROR_FILE_EXISTS.</summary>
    private const int FileExistsHResult = unchecked((int)0x80070050);

    public static IOException DiskFull(string path) => new($"There is not enough space on the disk : '{path}'.", DiskFullHResult);

    public static IOException IoError(string path) => new($"Input/output error : '{path}'.", IoDeviceHResult);

    public static FileNotFoundException NotFound(string path) => new($"Could not find file '{path}'.", path);

    public static IOException Exists(string path) => new($"The file '{path}' already exists.", FileExistsHResult);
}
