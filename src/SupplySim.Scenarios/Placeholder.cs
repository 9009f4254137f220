namespace SupplySim.Scenarios; internal static class Placeholder { }
