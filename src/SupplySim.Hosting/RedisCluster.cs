using StackExchange.Redis;
using SupplySim.Grains;

namespace SupplySim.Hosting;

/// <summary>
/// Where a SupplySim cluster keeps its membership: a Redis server, and the cluster's id in it. With <see cref="Tls"/>,
/// the server's certificate is checked by <paramref name="Trust"/> (a private CA, --redis-ca), else by the machine's CA store.
/// </summary>
public sealed record RedisClusterSettings(string Host, int Port, string ClusterId, string? Password, bool Tls, TimeSpan? EntryExpiry = null, RedisCertificateTrust? Trust = null)
{
    /// <summary>Who checks the server's TLS certificate (and remembers why it refused one).</summary>
    public RedisCertificateTrust CertificateTrust { get; } = Trust ?? RedisCertificateTrust.Machine();

    /// <summary>The environment variable read when --redis-password is not given.</summary>
    public const string PasswordVariable = "SUPPLYSIM_REDIS_PASSWORD";

    /// <summary>The environment variable read when --redis-tls is given without --redis-ca.</summary>
    public const string CaVariable = "SUPPLYSIM_REDIS_CA";

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
                ? $"Redis at {settings.Endpoint} requires a password: give it with --redis-password or {RedisClusterSettings.PasswordVariable}"
                : $"Redis at {settings.Endpoint} refused the password given (--redis-password or {RedisClusterSettings.PasswordVariable}); check the server's requirepass");
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
