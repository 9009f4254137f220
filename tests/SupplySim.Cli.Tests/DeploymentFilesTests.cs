using Spectre.Console.Testing;
using SupplySim.Cli.Commands;
using SupplySim.Hosting;
using SupplySim.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// The files under deploy/ (docs/cluster.md#deploying-on-containers-and-kubernetes) cannot be run here (no container
/// engine, no Kubernetes), so they are checked as text: every YAML file parses, the Kubernetes objects have what the
/// API and Orleans' Kubernetes hosting need, and every command line given to the image parses with supplysim's own options.
/// </summary>
public class DeploymentFilesTests
{
    private static readonly string Deploy = Path.Combine(Repo.Root, "deploy");
    private static readonly string K8s = Path.Combine(Deploy, "k8s");

    [Fact]
    public void Given_Every_Kubernetes_Manifest_When_Parsed_Then_Each_Object_Has_ApiVersion_Kind_Name_And_The_Namespace()
    {
        var objects = KubernetesObjects().ToList();
        Assert.Equal(["Deployment", "Deployment", "Job", "Namespace", "PersistentVolumeClaim", "Role", "RoleBinding", "Service", "ServiceAccount"],
            objects.Select(o => Text(o, "kind")).Order(StringComparer.Ordinal));
        foreach (var o in objects)
        {
            Assert.False(string.IsNullOrEmpty(Text(o, "apiVersion")), $"{Text(o, "kind")} has no apiVersion");
            Assert.False(string.IsNullOrEmpty(Text(o, "metadata", "name")), $"{Text(o, "kind")} has no name");
            if (Text(o, "kind") != "Namespace") Assert.Equal("supplysim", Text(o, "metadata", "namespace"));
        }
    }

    [Fact]
    public void Given_The_Kustomization_When_Read_Then_It_Lists_Every_Manifest_Of_The_Folder()
    {
        var listed = Sequence(Load(Path.Combine(K8s, "kustomization.yaml")).Single(), "resources").Select(n => ((YamlScalarNode)n).Value!);
        var files = Directory.GetFiles(K8s, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");
        Assert.Equal(files.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_The_Silo_Deployment_When_Read_Then_It_Gives_Orleans_Kubernetes_Hosting_Its_Labels_And_Pod_Variables()
    {
        var silo = KubernetesObjects().Single(o => Text(o, "kind") == "Deployment" && Text(o, "metadata", "name") == "supplysim-silo");
        Assert.Equal(SupplySimSilo.ServiceId, Text(silo, "spec", "template", "metadata", "labels", "orleans/serviceId"));
        Assert.False(string.IsNullOrEmpty(Text(silo, "spec", "template", "metadata", "labels", "orleans/clusterId")));
        var container = (YamlMappingNode)Sequence(silo, "spec", "template", "spec", "containers")[0];
        var env = Sequence(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name")!, e => Text(e, "valueFrom", "fieldRef", "fieldPath"));
        foreach (var variable in KubernetesPod.Variables.Concat(["ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"]))
            Assert.True(env.ContainsKey(variable), $"silo.yaml does not set {variable}");
        Assert.Equal("status.podIP", env["POD_IP"]);
        Assert.Contains("--kubernetes", Args(container));
        Assert.Equal("supplysim-silo", Text(silo, "spec", "template", "spec", "serviceAccountName"));
    }

    [Fact]
    public void Given_The_Role_When_Read_Then_It_Grants_What_Kubernetes_Hosting_Does_With_Pods()
    {
        var role = KubernetesObjects().Single(o => Text(o, "kind") == "Role");
        var rule = (YamlMappingNode)Sequence(role, "rules").Single();
        Assert.Equal(["pods"], Sequence(rule, "resources").Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(["delete", "get", "list", "patch", "watch"], Sequence(rule, "verbs").Select(n => ((YamlScalarNode)n).Value!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_Every_Container_Command_Of_Compose_And_Kubernetes_When_Parsed_By_Supplysim_Then_It_Has_No_Error()
    {
        var commands = ComposeCommands().Concat(KubernetesCommands()).ToList();
        Assert.Equal(6, commands.Count); // compose: three silos and the client; Kubernetes: the silo Deployment and the Job
        var root = SupplySimCommand.Create(new TestConsole());
        foreach (var (where, args) in commands)
        {
            var errors = root.Parse(args).Errors;
            Assert.True(errors.Count == 0, $"{where}: `supplysim {string.Join(' ', args)}`: {string.Join("; ", errors.Select(e => e.Message))}");
            foreach (var scenario in args.Where(a => a.StartsWith("scenarios/", StringComparison.Ordinal)))
                Assert.True(File.Exists(Path.Combine(Repo.Root, scenario)), $"{where}: {scenario} is not shipped");
        }
    }

    [Fact]
    public void Given_The_Dockerfile_When_Read_Then_The_Image_Has_The_Chart_Font_The_Scenarios_And_Supplysim_As_Entry_Point()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));
        Assert.Contains("fonts-dejavu-core", dockerfile, StringComparison.Ordinal); // ChartFile draws in DejaVu Sans
        Assert.Contains("COPY scenarios/ scenarios/", dockerfile, StringComparison.Ordinal);
        Assert.Contains("WORKDIR /work", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"supplysim\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/SupplySim.Cli", dockerfile, StringComparison.Ordinal);
    }

    /// <summary>Every command of a compose service that runs the supplysim image, and of the Prometheus scrape targets' silos.</summary>
    private static IEnumerable<(string Where, string[] Args)> ComposeCommands()
    {
        var compose = LoadMerged(Path.Combine(Deploy, "compose.yaml"));
        var services = (YamlMappingNode)compose.Children[new YamlScalarNode("services")];
        var silos = new List<string>();
        foreach (var (name, node) in services.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)))
        {
            if (Text(node, "image") is not { } image || !image.StartsWith("supplysim:", StringComparison.Ordinal)) continue;
            var args = Sequence(node, "command").Select(n => ((YamlScalarNode)n).Value!).ToArray();
            if (args[0] == "silo") silos.Add(name);
            yield return ($"compose.yaml service {name}", args);
        }
        var prometheus = Load(Path.Combine(Deploy, "prometheus.yml")).Single();
        var targets = Sequence((YamlMappingNode)Sequence((YamlMappingNode)Sequence(prometheus, "scrape_configs")[0], "static_configs")[0], "targets")
            .Select(n => ((YamlScalarNode)n).Value!);
        Assert.Equal(silos.Select(s => $"{s}:9464"), targets);
    }

    private static IEnumerable<(string Where, string[] Args)> KubernetesCommands()
        => from o in KubernetesObjects()
           where Text(o, "kind") is "Deployment" or "Job"
           from YamlMappingNode c in Sequence(o, "spec", "template", "spec", "containers")
           where Text(c, "image")!.StartsWith("supplysim:", StringComparison.Ordinal)
           select ($"{Text(o, "kind")} {Text(o, "metadata", "name")}", Args(c));

    private static string[] Args(YamlMappingNode container) => Sequence(container, "args").Select(n => ((YamlScalarNode)n).Value!).ToArray();

    private static IEnumerable<YamlMappingNode> KubernetesObjects()
        => Directory.GetFiles(K8s, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal).SelectMany(Load);

    private static IEnumerable<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>A single-document file with YAML merge keys (`&lt;&lt;: *anchor`) resolved, as Docker Compose reads it.</summary>
    private static YamlMappingNode LoadMerged(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    private static string? Text(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    private static IReadOnlyList<YamlNode> Sequence(YamlNode node, params string[] path)
        => (Node(node, path) as YamlSequenceNode)?.Children.ToList() ?? throw new Xunit.Sdk.XunitException($"no list at {string.Join('.', path)}");
}
