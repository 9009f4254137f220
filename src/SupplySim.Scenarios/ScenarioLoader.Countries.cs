using SupplySim.Model.World;
using YamlDotNet.RepresentationModel;

namespace SupplySim.Scenarios;

public static partial class ScenarioLoader
{
    /// <summary>Countries (a jurisdiction id before its first '-'), the trust world.trust holds between them, and the
    /// country keys of intervention items.</summary>
    private sealed partial class Compiler
    {
        private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
        private readonly HashSet<(int, int)> _trustPairs = new();
        private int[] _countryOf = [];

        private (string[] Countries, int[] CountryOf) Countries(JurisdictionSpec[] jurisdictions)
        {
            static string CountryOf(string id) => id.Contains('-') ? id[..id.IndexOf('-')] : id;
            var names = jurisdictions.Select(j => CountryOf(j.Id)).Distinct().Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < names.Length; i++) _countries[names[i]] = i;
            _countryOf = jurisdictions.Select(j => _countries[CountryOf(j.Id)]).ToArray();
            return (names, _countryOf);
        }

        private int Country(YamlNode node, string path)
        {
            var id = r.Text(node, path);
            return _countries.TryGetValue(id, out var c) ? c
                : throw r.Error(node, $"{path}: unknown country '{id}'; allowed: {string.Join(", ", _countries.Keys)} (a country is a jurisdiction id before its first '-')");
        }

        private (int A, int B) Pair(Map m, string path)
        {
            var node = m.Need("between");
            var list = r.Strings(node, $"{path}.between");
            if (list.Count != 2) throw r.Error(node, $"{path}.between must name two countries, e.g. [US, CN]");
            var a = Country(list[0].Node, $"{path}.between");
            var b = Country(list[1].Node, $"{path}.between");
            if (a == b) throw r.Error(node, $"{path}.between must name two different countries");
            return (a, b);
        }

        /// <summary>The country of key <c>by</c> and the one of <paramref name="otherKey"/> (reciprocity items), which world.trust must pair.</summary>
        private (int A, int B) Directed(Map m, string path, string otherKey)
        {
            var a = Country(m.Need("by"), $"{path}.by");
            var otherNode = m.Need(otherKey);
            var b = Country(otherNode, $"{path}.{otherKey}");
            if (a == b) throw r.Error(otherNode, $"{path}.{otherKey} must be another country than 'by'");
            if (!_trustPairs.Contains((Math.Min(a, b), Math.Max(a, b))))
                throw r.Error(otherNode, $"{path}: reciprocity moves trust, but world.trust has no entry between {r.Text(m.Need("by"), "by")} and {r.Text(otherNode, otherKey)}; add one");
            return (a, b);
        }

        private TrustSpec[] TrustPairs(Map world)
        {
            var result = new List<TrustSpec>();
            foreach (var (node, i) in world.ListOr("trust").Select((n, i) => (n, i)))
            {
                var path = $"world.trust[{i}]";
                var m = r.Map(node, path);
                var (a, b) = Pair(m, path);
                var initial = m.Share("initial");
                m.Done();
                if (!_trustPairs.Add((Math.Min(a, b), Math.Max(a, b))))
                    throw r.Error(m.Node, $"{path}: trust between these two countries is already given; give each pair once");
                result.Add(new TrustSpec(a, b, initial));
            }
            return result.ToArray();
        }

        private int[] JurisdictionList(Map m, string path)
            => r.Strings(m.Need("jurisdiction"), $"{path}.jurisdiction").Select(x => Jurisdiction(x.Node, $"{path}.jurisdiction")).ToArray();
    }
}
