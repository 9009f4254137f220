namespace SupplySim.Model.World;

/// <summary>The six actor kinds; one shard grain type each (docs/architecture.md#projects).</summary>
public enum ActorKind
{
    PrecursorSupplier = 0,
    Broker = 1,
    CartelLab = 2,
    MoneyLaunderer = 3,
    EnforcementAgency = 4,
    UserPopulation = 5,
}

/// <summary>What a substance is in the chain (docs/model.md#substances-routes-and-scheduling).</summary>
public enum SubstanceRole
{
    PrePrecursor,
    Precursor,
    DesignerPrecursor,
    Opioid,
    Adulterant,
    Stimulant,
}

/// <summary>Where enforcement acts and where seizures are counted (docs/model.md#metrics, <c>seized_kg</c> by stage).</summary>
public enum Stage
{
    Supplier = 0,
    Broker = 1,
    Route = 2,
    Lab = 3,
    Retail = 4,
    Money = 5,
}

/// <summary>Laundering methods named in the report (L427-L444).</summary>
public enum LaunderingMethod
{
    Mirror = 0,
    TradeBased = 1,
    Casino = 2,
    Crypto = 3,
    BulkCash = 4,
    WildlifeBarter = 5,
}

/// <summary>A person's state in a user population (docs/model.md#the-six-actor-kinds).</summary>
public enum PersonState : byte
{
    NoUse = 0,
    Use = 1,
    Oud = 2,
    Moud = 3,
    Remission = 4,
    Dead = 5,
}

public static class EnumNames
{
    public static readonly int StageCount = Enum.GetValues<Stage>().Length;
    public static readonly int MethodCount = Enum.GetValues<LaunderingMethod>().Length;
    public const int LivingStateCount = 5;

    public static string Name(Stage s) => s switch
    {
        Stage.Supplier => "supplier",
        Stage.Broker => "broker",
        Stage.Route => "route",
        Stage.Lab => "lab",
        Stage.Retail => "retail",
        _ => "money",
    };

    public static string Name(LaunderingMethod m) => m switch
    {
        LaunderingMethod.Mirror => "mirror",
        LaunderingMethod.TradeBased => "trade-based",
        LaunderingMethod.Casino => "casino",
        LaunderingMethod.Crypto => "crypto",
        LaunderingMethod.BulkCash => "bulk-cash",
        _ => "wildlife-barter",
    };

    public static string Name(PersonState s) => s switch
    {
        PersonState.NoUse => "no-use",
        PersonState.Use => "use",
        PersonState.Oud => "oud",
        PersonState.Moud => "moud",
        PersonState.Remission => "remission",
        _ => "dead",
    };

    public static string Name(SubstanceRole r) => r switch
    {
        SubstanceRole.PrePrecursor => "pre-precursor",
        SubstanceRole.Precursor => "precursor",
        SubstanceRole.DesignerPrecursor => "designer-precursor",
        SubstanceRole.Opioid => "opioid",
        SubstanceRole.Adulterant => "adulterant",
        _ => "stimulant",
    };

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(NameOf(v), text, StringComparison.Ordinal)) { value = v; return true; }
        value = default;
        return false;
    }

    public static IEnumerable<string> Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => NameOf(v));

    private static string NameOf<T>(T v) where T : struct, Enum => v switch
    {
        Stage s => Name(s),
        LaunderingMethod m => Name(m),
        PersonState p => Name(p),
        SubstanceRole r => Name(r),
        _ => v.ToString(),
    };
}
