using System.Runtime.InteropServices;

namespace Ingest.Functions.Hosting.LocalStorage;

/// <summary>POSIX signals, which .NET's Process API does not send (Process.Kill is SIGKILL).</summary>
internal static partial class NativeSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false when it could not be sent (no such process, not permitted).</summary>
    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
