using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SupplySim.Experiments.Results;

/// <summary>The machine and runtime facts every manifest records, written in one place.</summary>
public static class MachineFacts
{
    public static void Write(Utf8JsonWriter w)
    {
        w.WriteString("os", RuntimeInformation.OSDescription);
        w.WriteString("arch", RuntimeInformation.ProcessArchitecture.ToString());
        w.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        w.WriteNumber("processors", Environment.ProcessorCount);
        w.WriteBoolean("server_gc", GCSettings.IsServerGC);
    }
}
