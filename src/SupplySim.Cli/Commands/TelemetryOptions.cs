using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using OpenTelemetry.Exporter;
using SupplySim.Cli.Commands;
using SupplySim.Grains;
using SupplySim.Hosting;

namespace SupplySim.Cli.Commands;

/// <summary>
/// The command-line flags for watching a run, shared by every command that hosts a silo or a client
/// (`run` now; replicates, sweeps and `silo` later): add them with <see cref="AddTo"/>, read them with
/// <see cref="Read"/>, which also checks, before anything starts, that every port asked for is free.
/// </summary>
public sealed class TelemetryOptions
{
    private const string Grpc = "grpc", HttpProtobuf = "http/protobuf";

    public Option<Uri?> OtlpEndpoint { get; } = new("--otlp-endpoint")
    {
        Description = "Export metrics and traces over OTLP to this collector, e.g. http://127.0.0.1:4317 (grpc) or http://127.0.0.1:4318 (http/protobuf).",
        HelpName = "URL",
        CustomParser = ParseUrl,
    };

    public Option<string> OtlpProtocol { get; } = new("--otlp-protocol")
    {
        Description = "OTLP protocol: grpc or http/protobuf.",
        HelpName = "grpc|http/protobuf",
        DefaultValueFactory = _ => Grpc,
    };

    public Option<int?> PrometheusPort { get; } = new("--prometheus-port")
    {
        Description = "Serve a Prometheus scrape endpoint on http://127.0.0.1:PORT/metrics.",
        HelpName = "PORT",
    };

    public Option<IPEndPoint?> MetricsListen { get; } = new("--metrics-listen")
    {
        Description = "Serve the Prometheus endpoint on ADDRESS:PORT instead of 127.0.0.1 (and the dashboard on ADDRESS), e.g. 10.0.0.5:9464 or 0.0.0.0:9464, "
            + "so Prometheus on another host can scrape it. No authentication: use only on a private network, bound to its interface.",
        HelpName = "ADDRESS:PORT",
        CustomParser = ParseListen,
    };

    public Option<bool> ConsoleTelemetry { get; } = new("--console-telemetry")
    {
        Description = "Print the SupplySim metrics every 10 s and one span per tick on standard output (a quick look).",
    };

    public Option<int?> DashboardPort { get; } = new("--dashboard-port")
    {
        Description = "Serve the Orleans dashboard on http://127.0.0.1:PORT/ (or on the --metrics-listen address; no authentication).",
        HelpName = "PORT",
    };

    public Option<double?> Linger { get; } = new("--linger")
    {
        Description = "Keep the process, its scrape endpoint and dashboard up this many seconds after the run (Ctrl+C ends it sooner).",
        HelpName = "SECONDS",
    };

    public TelemetryOptions()
    {
        OtlpProtocol.Validators.Add(r =>
        {
            if (r.GetValue(OtlpProtocol) is { } p && p is not (Grpc or HttpProtobuf))
                r.AddError($"--otlp-protocol must be {Grpc} or {HttpProtobuf}, got '{p}'");
        });
        PrometheusPort.Validators.Add(r => ValidatePort(r, PrometheusPort));
        DashboardPort.Validators.Add(r => ValidatePort(r, DashboardPort));
        Linger.Validators.Add(r =>
        {
            if (r.GetValue(Linger) is { } s && (!double.IsFinite(s) || s < 0 || s > 7 * 24 * 3600))
                r.AddError($"--linger must be a number of seconds from 0 to {7 * 24 * 3600}, got '{s.ToString(CultureInfo.InvariantCulture)}'");
        });
    }

    /// <summary>Adds every telemetry flag to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { OtlpEndpoint, OtlpProtocol, PrometheusPort, MetricsListen, ConsoleTelemetry, DashboardPort, Linger })
            command.Options.Add(option);
    }

    /// <summary>
    /// The settings the user asked for. Throws <see cref="UserInputException"/> (one line, exit code 2)
    /// when two flags ask for the same port or a port is already in use on the address listened on.
    /// </summary>
    public TelemetrySettings Read(ParseResult parse)
    {
        var listen = parse.GetValue(MetricsListen);
        if (listen is not null && parse.GetValue(PrometheusPort) is { } both)
            throw new UserInputException($"--metrics-listen {listen} and --prometheus-port {both} both set the scrape endpoint's port; give only --metrics-listen");
        var settings = new TelemetrySettings(
            parse.GetValue(OtlpEndpoint),
            parse.GetValue(OtlpProtocol) == HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
            listen?.Port ?? parse.GetValue(PrometheusPort),
            parse.GetValue(ConsoleTelemetry),
            parse.GetValue(DashboardPort),
            TimeSpan.FromSeconds(parse.GetValue(Linger) ?? 0),
            listen?.Address);
        CheckPorts(settings);
        return settings;
    }

    /// <summary>Fails with one line when the ports of <paramref name="settings"/> collide or are taken.</summary>
    public static void CheckPorts(TelemetrySettings settings)
    {
        var scrapeFlag = settings.Listen is null ? "--prometheus-port" : "--metrics-listen";
        if (settings.PrometheusPort is { } p && p == settings.DashboardPort)
            throw new UserInputException($"{scrapeFlag} and --dashboard-port are both {p}; give them different ports");
        const string notHere = "--metrics-listen must be an address of this machine, or 0.0.0.0 for all of them";
        if (settings.PrometheusPort is { } prometheus) ListenPort.EnsureFree(settings.ListenAddress, prometheus, scrapeFlag, notHere);
        if (settings.DashboardPort is { } dashboard) ListenPort.EnsureFree(settings.ListenAddress, dashboard, "--dashboard-port", notHere);
    }

    private static void ValidatePort(OptionResult result, Option<int?> option)
    {
        if (result.GetValue(option) is { } port && port is < 1 or > 65535)
            result.AddError($"{option.Name} must be a port from 1 to 65535, got {port}");
    }

    /// <summary>ADDRESS:PORT with an IP address (IPv6 in brackets, e.g. [::]:9464) and a port from 1 to 65535.</summary>
    private static IPEndPoint? ParseListen(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (IPEndPoint.TryParse(text, out var endpoint) && endpoint.Port is >= 1 and <= 65535 && text.LastIndexOf(':') > text.LastIndexOf(']'))
            return endpoint;
        result.AddError($"--metrics-listen must be ADDRESS:PORT with an IP address of this machine and a port from 1 to 65535, e.g. 0.0.0.0:9464 or 10.0.0.5:9464, got '{text}'");
        return null;
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        result.AddError($"--otlp-endpoint must be an http:// or https:// URL such as http://127.0.0.1:4317, got '{text}'");
        return null;
    }
}
