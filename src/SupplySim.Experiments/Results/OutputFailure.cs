using System.Text.RegularExpressions;

namespace SupplySim.Experiments.Results;

/// <summary>The machine would not store the results (disk full, read-only or forbidden folder): one line, exit code 3.</summary>
public sealed class OutputFailureException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Tells a failure of the machine's storage from a bug, and says it in one line: what happened, where, and what to do
/// (docs/experiments.md#exit-codes). .NET on Unix puts the errno in an IOException's HResult and the path in its message.
/// </summary>
public static partial class OutputFailure
{
    // errno on Linux (macOS: EDQUOT 69), and Windows' HRESULTs for a full disk and a write-protected one.
    private const int NoSpace = 28, ReadOnly = 30, QuotaLinux = 122, QuotaMac = 69;
    private const int DiskFullWin = unchecked((int)0x80070070), HandleDiskFullWin = unchecked((int)0x80070027), WriteProtectWin = unchecked((int)0x80070013);

    /// <summary>The line for a storage failure anywhere in <paramref name="e"/>'s chain, or null when it is something else.</summary>
    public static string? Describe(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is OutputFailureException) return x.Message;
            var path = PathIn(x.Message);
            var where = path is null ? "" : " " + path;
            switch (x)
            {
                case UnauthorizedAccessException:
                    return $"no permission to write{where}; make the folder writable for this user, or choose another folder";
                case IOException { HResult: NoSpace or QuotaLinux or DiskFullWin or HandleDiskFullWin }:
                case IOException { HResult: QuotaMac } when OperatingSystem.IsMacOS():
                    return $"no space left on the device (or quota exceeded) writing{where}; free some space, or choose a folder on another disk";
                case IOException { HResult: ReadOnly or WriteProtectWin }:
                    return $"the file system is read-only at{where}; choose a writable folder";
            }
        }
        return null;
    }

    /// <summary><paramref name="e"/> as an <see cref="OutputFailureException"/> with <paramref name="advice"/> added, or null when it is not a storage failure.</summary>
    public static OutputFailureException? Wrap(Exception e, string advice = "")
        => e is OutputFailureException f ? f : Describe(e) is { } line ? new OutputFailureException(line + advice, e) : null;

    /// <summary>The last quoted path of a .NET I/O message ("... : '/x/y'", "Access to the path '/x/y' is denied.").</summary>
    private static string? PathIn(string message)
    {
        var quoted = Quoted().Matches(message);
        return quoted.Count > 0 ? quoted[^1].Groups[1].Value : null;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
