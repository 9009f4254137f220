namespace SupplySim.Model.World;

/// <summary>
/// The declaration of one behaviour parameter, on its <see cref="ModelParameters"/> property (whose initializer is the
/// default): valid range, unit, a one-line description, where it is used, its provenance and its prior.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ParameterAttribute(ParameterGroup group, ParameterDomain domain, string unit, string description) : Attribute
{
    public ParameterGroup Group { get; } = group;
    public ParameterDomain Domain { get; } = domain;
    public string Unit { get; } = unit;
    public string Description { get; } = description;

    /// <summary>Which rules read it.</summary>
    public string UsedIn { get; set; } = "";

    /// <summary>Provenance: a report line ("L1814"), a literature citation, or [A] (assumption), with the mechanism's report line.</summary>
    public string Source { get; set; } = "[A]";

    /// <summary>The prior for uncertainty analysis, written as <see cref="Prior.Parse"/> reads it, e.g. "beta(3, 3)".</summary>
    public string Prior { get; set; } = "";

    /// <summary>Why that prior: a report line or literature, or "judgement" (wide around the default).</summary>
    public string PriorBasis { get; set; } = "judgement";
}

/// <summary>The mechanisms parameters are grouped by, in the order docs/model.md lists them.</summary>
public enum ParameterGroup { Supply, Labs, Retail, Adulterants, Levers }
