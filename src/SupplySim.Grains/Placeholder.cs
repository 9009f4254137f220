namespace SupplySim.Grains; internal static class Placeholder { }
