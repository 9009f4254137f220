using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using StackExchange.Redis;
using SupplySim.Cli.Commands;

namespace SupplySim.Cli.Hosting;

/// <summary>
/// Where a SupplySim cluster keeps its membership: a Redis server, and the cluster's id in it. With <see cref="Tls"/>,
/// the server's certificate is checked by <paramref name="Trust"/> (a private CA, --redis-ca), else by the machine's CA store.
/// </summary>
public sealed record RedisClusterSettings(string Host, int Port, string ClusterId, string? Password, bool Tls, TimeSpan? EntryExpiry = null, RedisCertificateTrust? Trust = null)
{
    /// <summary>Who checks the server's TLS certificate (and remembers why it refused one).</summary>
    public RedisCertificateTrust CertificateTrust { get; } = Trust ?? RedisCertificateTrust.Machine();

    /// <summary>HOST:PORT, as typed, for messages.</summary>
    public string Endpoint => $"{Host}:{Port}";

    /// <summary>The Redis hash Orleans' Redis clustering keeps this cluster's members in ("{ServiceId}/members/{ClusterId}").</summary>
    public string MembersKey => $"{SupplySimSilo.ServiceId}/members/{ClusterId}";

    /// <summary>StackExchange.Redis options for this server: short connect timeouts so a dead server is reported quickly.</summary>
    public ConfigurationOptions Redis(bool abortOnConnectFail)
    {
        var options = new ConfigurationOptions
        {
            Password = Password,
            Ssl = Tls,
            AbortOnConnectFail = abortOnConnectFail,
            ConnectTimeout = 4000,
            SyncTimeout = 15000,
            AsyncTimeout = 15000,
            ConnectRetry = 1,
            LoggerFactory = DiagnosticLog.Factory,
        };
        if (Tls) options.CertificateValidation += CertificateTrust.Validate;
        options.EndPoints.Add(Host, Port);
        return options;
    }
}

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

    /// <summary>The environment variable read when --redis-password is not given.</summary>
    public const string PasswordVariable = "SUPPLYSIM_REDIS_PASSWORD";

    /// <summary>The environment variable read when --redis-tls is given without --redis-ca.</summary>
    public const string CaVariable = "SUPPLYSIM_REDIS_CA";

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

/// <summary>Checks a Redis server before Orleans is started on it, so that a dead server or an empty cluster is one clear line.</summary>
public static class RedisProbe
{
    /// <summary>
    /// Connects to the server (within about 5 s); when <paramref name="requireMembers"/>, also checks that some
    /// silo has joined the cluster. Throws <see cref="UserInputException"/> naming what is wrong.
    /// </summary>
    public static async Task CheckAsync(RedisClusterSettings settings, bool requireMembers)
    {
        ConnectionMultiplexer redis;
        try
        {
            redis = await ConnectionMultiplexer.ConnectAsync(settings.Redis(abortOnConnectFail: true));
        }
        catch (Exception) when (settings.Tls && settings.CertificateTrust.LastRejection is { } why)
        {
            throw new UserInputException($"Redis at {settings.Endpoint} over TLS: {why}");
        }
        catch (Exception e) when (IsAuthenticationFailure(e))
        {
            throw new UserInputException(settings.Password is null
                ? $"Redis at {settings.Endpoint} requires a password: give it with --redis-password or {RedisClusterFlags.PasswordVariable}"
                : $"Redis at {settings.Endpoint} refused the password given (--redis-password or {RedisClusterFlags.PasswordVariable}); check the server's requirepass");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException or ArgumentException)
        {
            var tls = settings.Tls ? " (over TLS: the server must speak TLS on this port)" : "";
            throw new UserInputException($"cannot reach Redis at {settings.Endpoint}{tls}: {FirstLine(e.Message)}");
        }
        await using (redis)
        {
            if (!requireMembers) return;
            try
            {
                var db = redis.GetDatabase();
                if (await db.KeyExistsAsync(settings.MembersKey)) return;
                var others = new List<string>();
                var prefix = $"{SupplySimSilo.ServiceId}/members/";
                foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: prefix + "*", pageSize: 100).Take(5))
                    others.Add(key.ToString()[prefix.Length..]);
                var known = others.Count > 0 ? $" (clusters there: {string.Join(", ", others)})" : " (no SupplySim cluster there)";
                throw new UserInputException(
                    $"no silo has joined cluster '{settings.ClusterId}' in Redis at {settings.Endpoint}{known}; check --cluster-id, or start silos with `supplysim silo --redis {settings.Endpoint} --cluster-id {settings.ClusterId}{TlsFlags(settings)}`");
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                throw new UserInputException($"Redis at {settings.Endpoint} did not answer: {FirstLine(e.Message)}");
            }
        }
    }

    private static string TlsFlags(RedisClusterSettings settings)
        => !settings.Tls ? "" : settings.CertificateTrust.CaFile is { } ca ? $" --redis-tls --redis-ca {ca}" : " --redis-tls";

    private static bool IsAuthenticationFailure(Exception e)
        => e is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
           || (e is RedisException && (e.Message.Contains("AuthenticationFailure", StringComparison.Ordinal)
               || e.Message.Contains("WRONGPASS", StringComparison.Ordinal) || e.Message.Contains("NOAUTH", StringComparison.Ordinal)));

    /// <summary>The first line of an exception message, for one-line errors.</summary>
    public static string FirstLine(string message) => SupplySim.Grains.SerializableExceptions.FirstLine(message);
}
