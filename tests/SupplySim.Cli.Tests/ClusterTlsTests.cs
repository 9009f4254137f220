using System.Diagnostics;
using SupplySim.Testing;
using Xunit;

namespace SupplySim.Cli.Tests;

/// <summary>
/// A cluster whose Redis speaks only TLS, with a certificate from a throwaway private CA made with openssl: a silo and a
/// client that trust the CA (--redis-tls --redis-ca) give the embedded run's metrics; a client that does not, or whose
/// CA file is missing, fails in one line (exit code 2, within 15 s).
/// </summary>
[Collection(ClusterCollection.Name)]
public class ClusterTlsTests
{
    [Fact]
    public async Task Should_Give_Identical_Metrics_Over_TLS_With_A_Private_CA_And_Refuse_An_Untrusted_Certificate_In_One_Line()
    {
        var certificates = Repo.TempDir("cluster-tls-certs");
        var embedded = Repo.TempDir("cluster-tls-embedded");
        var clustered = Repo.TempDir("cluster-tls");
        try
        {
            var tls = await MakeCertificatesAsync(certificates);
            await using var redis = await RedisServer.StartAsync(tls: tls);
            var id = $"test-{Guid.NewGuid():N}";
            var embeddedRun = CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "7", "--out", embedded);
            await using (await SiloProcess.StartAsync(redis.Endpoint, id, "--redis-tls", "--redis-ca", tls.Ca))
            {
                var run = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--seed", "7", "--out", clustered,
                    "--redis", redis.Endpoint, "--redis-tls", "--redis-ca", tls.Ca, "--cluster-id", id);
                Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
                Assert.Contains("on 1 silo", run.StdOut);
                var local = await embeddedRun;
                Assert.True(local.ExitCode == 0, local.StdErr + local.StdOut);
                Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(embedded, "metrics.csv")), await File.ReadAllBytesAsync(Path.Combine(clustered, "metrics.csv")));

                // The same server without the CA: its self-signed chain is not trusted by this machine.
                var clock = Stopwatch.StartNew();
                var untrusted = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--out", clustered, "--redis", redis.Endpoint, "--redis-tls", "--cluster-id", id);
                ClusterTests.AssertOneLineError(untrusted, clock.Elapsed, $"error: Redis at {redis.Endpoint} over TLS: its certificate (CN=127.0.0.1, issued by CN=SupplySim test CA) is not trusted by this machine");
                Assert.Contains("--redis-ca FILE", untrusted.StdErr);

                // A certificate that is not the CA's (the server's own, self-signed by nobody trusted) does not make it trusted.
                clock.Restart();
                var wrongCa = await CliProcess.Run("compare", "scenarios/quickstart.yaml", "scenarios/quickstart.yaml", "--out", clustered,
                    "--redis", redis.Endpoint, "--redis-tls", "--redis-ca", tls.Certificate, "--cluster-id", id);
                ClusterTests.AssertOneLineError(wrongCa, clock.Elapsed, $"error: Redis at {redis.Endpoint} over TLS: its certificate (CN=127.0.0.1, issued by CN=SupplySim test CA) does not chain to the CA in");
            }

            var missing = Path.Combine(certificates, "missing.pem");
            var noFile = await CliProcess.Run("silo", "--redis", redis.Endpoint, "--redis-tls", "--redis-ca", missing, "--cluster-id", id);
            ClusterTests.AssertOneLineError(noFile, TimeSpan.Zero, $"error: --redis-ca {missing}: no such file");
            var notPem = await CliProcess.Run("sweep", "scenarios/kyc-adoption.yaml", "--out", clustered, "--redis", redis.Endpoint, "--redis-tls", "--redis-ca", tls.Key, "--cluster-id", id);
            ClusterTests.AssertOneLineError(notPem, TimeSpan.Zero, $"error: --redis-ca {tls.Key}: no PEM certificate in it");
            var noTls = await CliProcess.Run("run", "scenarios/quickstart.yaml", "--redis", redis.Endpoint, "--redis-ca", tls.Ca, "--cluster-id", id);
            ClusterTests.AssertOneLineError(noTls, TimeSpan.Zero, "error: --redis-ca needs --redis-tls");
        }
        finally
        {
            foreach (var d in new[] { certificates, embedded, clustered }) Directory.Delete(d, recursive: true);
        }
    }

    /// <summary>
    /// A CA (ca.pem) and a server certificate for 127.0.0.1 signed by it (server.pem, server.key), made with openssl
    /// (test.sh installs it) from a configuration of their own, so that the machine's openssl.cnf does not matter.
    /// </summary>
    private static async Task<RedisTlsFiles> MakeCertificatesAsync(string dir)
    {
        var config = Path.Combine(dir, "openssl.cnf");
        await File.WriteAllTextAsync(config, """
            [req]
            distinguished_name = dn
            prompt = no
            [dn]
            CN = unused
            [ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            [server]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = IP:127.0.0.1
            authorityKeyIdentifier = keyid
            """);
        var files = new RedisTlsFiles(Path.Combine(dir, "server.pem"), Path.Combine(dir, "server.key"), Path.Combine(dir, "ca.pem"));
        var (caKey, request) = (Path.Combine(dir, "ca.key"), Path.Combine(dir, "server.csr"));
        await OpenSsl(dir, "req", "-config", config, "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", caKey, "-out", files.Ca,
            "-days", "2", "-subj", "/CN=SupplySim test CA", "-extensions", "ca");
        await OpenSsl(dir, "req", "-config", config, "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", files.Key, "-out", request,
            "-subj", "/CN=127.0.0.1");
        await OpenSsl(dir, "x509", "-req", "-in", request, "-CA", files.Ca, "-CAkey", caKey, "-set_serial", "2", "-days", "2",
            "-extfile", config, "-extensions", "server", "-out", files.Certificate);
        return files;
    }

    private static async Task OpenSsl(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("openssl did not start (test.sh installs it)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"openssl {string.Join(' ', args)}: exit {p.ExitCode}: {await stderr}{await stdout}");
    }
}
