namespace SupplySim.Model; internal static class Placeholder { }
