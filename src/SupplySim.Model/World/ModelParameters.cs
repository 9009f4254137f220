namespace SupplySim.Model.World;

/// <summary>
/// Behaviour parameters shared by all agents of a run. Each property is declared once, in World/Parameters/ grouped by
/// mechanism, with its default, valid range, unit, description, provenance and prior (<see cref="ParameterAttribute"/>);
/// <see cref="ParameterCatalog"/> reads those declarations for the loader, the schema and the docs (docs/model.md#parameters).
/// A scenario's <c>parameters:</c> block overrides any of them by its kebab-case name.
/// </summary>
public sealed partial record ModelParameters;
