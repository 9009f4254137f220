using System.Text.Json.Serialization;

namespace SupplySim.Model.World;

/// <summary>
/// A dated intervention compiled to indices; the run applies it at the start of its tick
/// (docs/model.md#levers-interventions-and-trust). A closed set: each kind names its own fields, and the
/// discriminator lets a <see cref="WorldSpec"/> cross grains as JSON (<see cref="SpecJson"/>) and come back whole.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ScheduleSubstance), "schedule-substance")]
[JsonDerivedType(typeof(ScheduleClass), "schedule-class")]
[JsonDerivedType(typeof(EnforcementBudget), "enforcement-budget")]
[JsonDerivedType(typeof(EarlyWarning), "early-warning")]
[JsonDerivedType(typeof(SetLever), "set-lever")]
[JsonDerivedType(typeof(Trilateral), "trilateral")]
[JsonDerivedType(typeof(TrustShock), "trust-shock")]
[JsonDerivedType(typeof(TrustBuilding), "trust-building")]
[JsonDerivedType(typeof(SuspendCooperation), "suspend-cooperation")]
[JsonDerivedType(typeof(ResumeCooperation), "resume-cooperation")]
[JsonDerivedType(typeof(CooperativeAct), "cooperative-act")]
[JsonDerivedType(typeof(Reward), "reward")]
public abstract record Intervention(int Tick, string Label);

/// <summary>Jurisdictions schedule substances from the item's tick on, or lift their scheduling (<paramref name="Scheduled"/> false).</summary>
public abstract record Scheduling(int Tick, string Label, int[] Jurisdictions, int[] Substances, bool Scheduled) : Intervention(Tick, Label);

/// <summary>Scheduling of one named substance.</summary>
public sealed record ScheduleSubstance(int Tick, string Label, int[] Jurisdictions, int[] Substances, bool Scheduled)
    : Scheduling(Tick, Label, Jurisdictions, Substances, Scheduled);

/// <summary>Scheduling of every member of a class of substances (<paramref name="Substances"/> holds the members).</summary>
public sealed record ScheduleClass(int Tick, string Label, int[] Jurisdictions, int[] Substances, bool Scheduled)
    : Scheduling(Tick, Label, Jurisdictions, Substances, Scheduled);

/// <summary>An agency's new monthly budget (null keeps it), new allocation over stages (its mandate; null keeps it), or both.</summary>
public sealed record EnforcementBudget(int Tick, string Label, int Agency, double? BudgetUsdPerMonth, double[]? Allocation) : Intervention(Tick, Label);

/// <summary>Reactive listing with early warning (R2: L853, L829, L2474): a chemical whose share of lab input reaches
/// <paramref name="SignalShare"/> is scheduled <paramref name="ListingLagMonths"/> later.</summary>
public sealed record EarlyWarning(int Tick, string Label, int[] Jurisdictions, double SignalShare, int ListingLagMonths) : Intervention(Tick, Label);

/// <summary>
/// Moves a lever in each jurisdiction from its current value to <paramref name="Value"/> over <paramref name="RampMonths"/>
/// months; items compose (a later item on the same lever and jurisdiction takes over from wherever the lever stands).
/// <paramref name="Partner"/> is the country a cooperative lever is gated by (trust with it), -1 if none.
/// </summary>
public sealed record SetLever(int Tick, string Label, Lever Lever, int[] Jurisdictions, double Value, int RampMonths, int Partner = -1)
    : Intervention(Tick, Label);

/// <summary>A trilateral mechanism between three countries (L98, L165): the <see cref="World.Lever.Trilateral"/> lever in
/// <paramref name="Jurisdictions"/> (those of the three), gated by the weakest trust of their pairs (L166).</summary>
public sealed record Trilateral(int Tick, string Label, int[] Jurisdictions, double Intensity, int RampMonths, int CountryA, int CountryB, int CountryC)
    : Intervention(Tick, Label);

/// <summary>Trust between two countries falls at once by <paramref name="Drop"/> (a tariff, a diplomatic shock).</summary>
public sealed record TrustShock(int Tick, string Label, int CountryA, int CountryB, double Drop) : Intervention(Tick, Label);

/// <summary>Trust between two countries closes <paramref name="Rate"/> of its gap to full trust each month.</summary>
public sealed record TrustBuilding(int Tick, string Label, int CountryA, int CountryB, double Rate) : Intervention(Tick, Label);

/// <summary>Cooperation between two countries stops (their trust counts as 0) until resumed.</summary>
public sealed record SuspendCooperation(int Tick, string Label, int CountryA, int CountryB) : Intervention(Tick, Label);

/// <summary>Cooperation between two countries resumes at the trust they hold.</summary>
public sealed record ResumeCooperation(int Tick, string Label, int CountryA, int CountryB) : Intervention(Tick, Label);

/// <summary><paramref name="By"/> acts to cooperate with <paramref name="Toward"/> and expects a reward (reciprocity ledger, L2337-L2339).</summary>
public sealed record CooperativeAct(int Tick, string Label, int By, int Toward, double Weight) : Intervention(Tick, Label);

/// <summary><paramref name="By"/> rewards <paramref name="To"/> (e.g. a delisting, L2339); it settles what <paramref name="To"/> is owed.</summary>
public sealed record Reward(int Tick, string Label, int By, int To, double Intensity) : Intervention(Tick, Label);
