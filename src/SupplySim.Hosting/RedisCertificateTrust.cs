using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SupplySim.Grains;

namespace SupplySim.Hosting;

/// <summary>
/// Decides whether a Redis server's TLS certificate is trusted: with a private CA (--redis-ca), only a chain to that CA
/// (the certificate must still name the host it was reached at); without one, the machine's CA store, as .NET decides.
/// Never "accept any certificate". Remembers why it last refused one, so that the error is one clear line.
/// </summary>
public sealed class RedisCertificateTrust
{
    private readonly X509Certificate2Collection? _authorities;
    private string? _rejection;

    private RedisCertificateTrust(X509Certificate2Collection? authorities, string? caFile) => (_authorities, CaFile) = (authorities, caFile);

    /// <summary>Trusts what this machine's CA store trusts.</summary>
    public static RedisCertificateTrust Machine() => new(null, null);

    /// <summary>The CA file given, or null when the machine's store decides.</summary>
    public string? CaFile { get; }

    /// <summary>Why the last certificate was refused (one line), or null when none was.</summary>
    public string? LastRejection => Volatile.Read(ref _rejection);

    /// <summary>
    /// Trusts only the CA certificates (PEM) in <paramref name="path"/>; <paramref name="flag"/> names where the path came from,
    /// for the error. Throws <see cref="UserInputException"/> when the file is missing, unreadable or holds no certificate.
    /// </summary>
    public static RedisCertificateTrust FromPemFile(string path, string flag)
    {
        if (Directory.Exists(path)) throw new UserInputException($"{flag} {path} is a folder; give the CA certificate's PEM file");
        if (!File.Exists(path)) throw new UserInputException($"{flag} {path}: no such file (the PEM file of the CA that signed the Redis server's certificate)");
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UserInputException($"{flag} {path}: cannot read a CA certificate from it ({RedisProbe.FirstLine(e.Message)})");
        }
        if (authorities.Count == 0)
            throw new UserInputException($"{flag} {path}: no PEM certificate in it (a block starting -----BEGIN CERTIFICATE-----)");
        return new RedisCertificateTrust(authorities, path);
    }

    /// <summary>The TLS validation callback given to StackExchange.Redis.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null) return Reject("the server sent no certificate");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return Reject($"its certificate ({certificate.Subject}) does not name {(sender as SslStream)?.TargetHostName ?? "the host connected to"} (its subject alternative names must include the host given to --redis)");
        if (_authorities is null)
            return errors == SslPolicyErrors.None || Reject($"its certificate ({certificate.Subject}, issued by {certificate.Issuer}) is not trusted by this machine ({Describe(chain)}); give the CA that signed it with --redis-ca FILE");

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Intermediates the server sent (not trusted by themselves: the chain must end at one of the authorities).
        if (chain is not null)
            foreach (var element in chain.ChainElements)
                if (!element.Certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span)) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        if (custom.Build(leaf)) return true;
        return Reject($"its certificate ({certificate.Subject}, issued by {certificate.Issuer}) does not chain to the CA in {CaFile} ({Describe(custom)})");
    }

    private bool Reject(string why)
    {
        Volatile.Write(ref _rejection, why);
        return false;
    }

    private static string Describe(X509Chain? chain)
    {
        var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToList();
        return statuses is { Count: > 0 } ? string.Join(", ", statuses) : "chain errors";
    }
}
