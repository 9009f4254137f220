using System.CommandLine;
using System.Globalization;
using SupplySim.Grains;
using SupplySim.Hosting;

namespace SupplySim.Cli.Commands;

/// <summary>
/// The flags that point a command at a Redis-membership cluster: --redis, --cluster-id, --redis-password,
/// --redis-tls, --redis-ca (and, for `silo`, --redis-entry-expiry). Read with <see cref="Read"/>, which fails with one line.
/// </summary>
public sealed class RedisClusterFlags
{
    public Option<string?> Redis { get; } = new("--redis")
    {
        Description = "Redis server holding the cluster's membership, HOST:PORT (e.g. 127.0.0.1:6379).",
        HelpName = "HOST:PORT",
    };

    public Option<string?> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Cluster id (letters, digits, '.', '_', '-'); silos and clients must agree. Use a fresh id for each new cluster: stale members of a dead cluster make joins wait.",
        HelpName = "ID",
    };

    public Option<string?> RedisPassword { get; } = new("--redis-password")
    {
        Description = $"Password for the Redis server (its requirepass); default: the environment variable {PasswordVariable}, which keeps it out of the process list. Never written to results.",
        HelpName = "PASSWORD",
    };

    public Option<bool> RedisTls { get; } = new("--redis-tls")
    {
        Description = "Connect to Redis over TLS; the server's certificate must name the host given to --redis and be signed by a CA this machine trusts, or by the one given with --redis-ca.",
    };

    public Option<string?> RedisCa { get; } = new("--redis-ca")
    {
        Description = $"With --redis-tls: trust only this CA (a PEM file) for the server's certificate, e.g. a private CA; default: the environment variable {CaVariable}, else the machine's CA store.",
        HelpName = "FILE",
    };

    public Option<double?> EntryExpiry { get; } = new("--redis-entry-expiry")
    {
        Description = "Let this silo's membership entry expire in Redis this many seconds after its last update (for short-lived test clusters only).",
        HelpName = "SECONDS",
    };

    private const string PasswordVariable = RedisClusterSettings.PasswordVariable, CaVariable = RedisClusterSettings.CaVariable;

    private readonly bool _silo;

    /// <param name="silo">True for the `silo` command: --redis and --cluster-id are required and --redis-entry-expiry is offered.</param>
    public RedisClusterFlags(bool silo)
    {
        _silo = silo;
        if (silo)
        {
            Redis.Description += " Required.";
            ClusterId.Description += " Required.";
        }
        else
        {
            Redis.Description = "Submit to a cluster of `supplysim silo` processes whose membership is in this Redis server, HOST:PORT, instead of starting a silo in this process (needs --cluster-id).";
        }
    }

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Redis);
        command.Options.Add(ClusterId);
        command.Options.Add(RedisPassword);
        command.Options.Add(RedisTls);
        command.Options.Add(RedisCa);
        if (_silo) command.Options.Add(EntryExpiry);
    }

    /// <summary>The cluster asked for, or null for the embedded silo; throws <see cref="UserInputException"/> on bad flags.</summary>
    public RedisClusterSettings? Read(ParseResult parse)
    {
        var redis = parse.GetValue(Redis);
        var id = parse.GetValue(ClusterId);
        if (redis is null)
        {
            if (_silo) throw new UserInputException("--redis HOST:PORT is required: the silo keeps its cluster membership in Redis");
            if (id is not null || parse.GetValue(RedisPassword) is not null || parse.GetValue(RedisTls) || parse.GetValue(RedisCa) is not null)
                throw new UserInputException("--cluster-id, --redis-password, --redis-tls and --redis-ca need --redis HOST:PORT");
            return null;
        }
        var colon = redis.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(redis[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new UserInputException($"--redis must be HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:6379, got '{redis}'");
        if (string.IsNullOrEmpty(id))
            throw new UserInputException($"--cluster-id is required with --redis (the id the silos were started with, e.g. --cluster-id sweep-{DateTime.UtcNow:yyyyMMdd})");
        if (id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new UserInputException($"--cluster-id must be 1 to 64 letters, digits, '.', '_' or '-', got '{id}'");
        TimeSpan? expiry = null;
        if (_silo && parse.GetValue(EntryExpiry) is { } seconds)
        {
            if (!double.IsFinite(seconds) || seconds < 5 || seconds > 86400)
                throw new UserInputException($"--redis-entry-expiry must be a number of seconds from 5 to 86400, got '{seconds.ToString(CultureInfo.InvariantCulture)}'");
            expiry = TimeSpan.FromSeconds(seconds);
        }
        var password = parse.GetValue(RedisPassword) ?? Environment.GetEnvironmentVariable(PasswordVariable);
        var tls = parse.GetValue(RedisTls);
        RedisCertificateTrust? trust = null;
        if (parse.GetValue(RedisCa) is { } ca)
        {
            if (!tls) throw new UserInputException("--redis-ca needs --redis-tls (the CA checks the certificate of a Redis server reached over TLS)");
            trust = RedisCertificateTrust.FromPemFile(ca, "--redis-ca");
        }
        else if (tls && Environment.GetEnvironmentVariable(CaVariable) is { Length: > 0 } fromEnvironment)
        {
            trust = RedisCertificateTrust.FromPemFile(fromEnvironment, CaVariable);
        }
        return new RedisClusterSettings(redis[..colon].Trim('[', ']'), port, id, string.IsNullOrEmpty(password) ? null : password, tls, expiry, trust);
    }
}
