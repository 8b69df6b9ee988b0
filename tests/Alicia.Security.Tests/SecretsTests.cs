using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>What deploy/secrets.sh leaves on disk, and that none of it reaches git.</summary>
public sealed class SecretsTests(SharedBroker shared) : IClassFixture<SharedBroker>
{
    private string Secrets => shared.Broker.SecretsDirectory;

    [Fact]
    public async Task Private_files_are_readable_by_their_owner_only()
    {
        var privateFiles = BrokerUsers.All.SelectMany(u => new[] { u + ".password", u + ".key" }).Append("ca.key");
        foreach (var file in privateFiles)
        {
            Assert.Equal("600", (await StatAsync(file)).Mode);
        }

        // The broker's own files: owner-only, or group-readable by the mosquitto group when made as root
        // (root-started mosquitto reads them after dropping to that user).
        foreach (var file in new[] { "passwd", "server.key" })
        {
            var stat = await StatAsync(file);
            Assert.True(stat.Mode == "600" || (stat.Mode == "640" && stat.Owner == "root" && stat.Group == "mosquitto"), $"{file}: {stat}");
        }

        Assert.EndsWith("0", (await StatAsync(".")).Mode, StringComparison.Ordinal); // others may not even list the directory
    }

    [Fact]
    public void Password_file_holds_one_hash_per_user_and_no_password()
    {
        var lines = File.ReadAllLines(Path.Combine(Secrets, "passwd"));
        var passwords = BrokerUsers.All.Select(shared.Broker.Password).ToList();

        Assert.Equal(BrokerUsers.All, lines.Select(l => l.Split(':')[0]));
        Assert.All(lines, line => Assert.Matches(@"^[a-z-]+:\$[67]\$", line));
        Assert.All(passwords, password => Assert.Equal(64, password.Length));
        Assert.DoesNotContain(lines, line => passwords.Any(p => line.Contains(p, StringComparison.Ordinal)));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void Certificates_are_ec_p256_signed_by_the_installation_ca_with_the_right_names()
    {
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Secrets, "ca.crt"));
        using var server = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Secrets, "server.crt"));

        Assert.True(IsSignedBy(server, ca));
        var names = server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost", "mosquitto"], names.EnumerateDnsNames().Order(StringComparer.Ordinal));
        Assert.Equal(["127.0.0.1"], names.EnumerateIPAddresses().Select(a => a.ToString()));
        foreach (var user in BrokerUsers.All)
        {
            using var certificate = TestMqtt.ClientCertificate(Secrets, user);
            Assert.Equal(user, certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
            Assert.True(IsSignedBy(certificate, ca), user);
            using var key = certificate.GetECDsaPublicKey();
            Assert.Equal(256, key?.KeySize);
        }
    }

    [Fact]
    public async Task No_secret_is_tracked_by_git_and_the_default_secrets_directory_is_ignored()
    {
        var tracked = (await Shell.RunCheckedAsync("git", ["ls-files"])).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var secretNames = Directory.GetFiles(Secrets).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(tracked);
        Assert.DoesNotContain(tracked, path => secretNames.Contains(Path.GetFileName(path)));
        Assert.DoesNotContain(tracked, path => path.StartsWith(".secrets/", StringComparison.Ordinal)
            || path.EndsWith(".password", StringComparison.Ordinal) || path.EndsWith(".key", StringComparison.Ordinal));
        var ignored = await Shell.RunAsync("git", ["check-ignore", "-q", ".secrets/passwd"]);
        Assert.Equal(0, ignored.ExitCode);
    }

    [Fact]
    public async Task Running_the_script_again_changes_nothing()
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("alicia-secrets-test-").FullName, "secrets");
        try
        {
            await Shell.RunCheckedAsync("cp", ["-a", Secrets, copy]);
            var before = Snapshot(copy);

            await Shell.RunCheckedAsync("bash", [Repository.File("deploy", "secrets.sh"), copy]);

            Assert.Equal(before, Snapshot(copy));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    [Fact]
    public async Task Missing_openssl_is_reported_by_name()
    {
        var bin = Directory.CreateTempSubdirectory("alicia-path-").FullName;
        try
        {
            File.CreateSymbolicLink(Path.Combine(bin, "dirname"), "/usr/bin/dirname");

            var result = await Shell.RunAsync("/usr/bin/env", [$"PATH={bin}", "/bin/bash", Repository.File("deploy", "secrets.sh"), Path.Combine(bin, "out")]);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("openssl not found", result.StandardError, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(bin, "out")));
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    private async Task<FileStat> StatAsync(string file)
    {
        var fields = (await Shell.RunCheckedAsync("stat", ["-c", "%a %U %G", Path.Combine(Secrets, file)])).StandardOutput.Trim().Split(' ');
        return new FileStat(fields[0], fields[1], fields[2]);
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory).ToDictionary(
            path => Path.GetFileName(path),
            path => $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))} {File.GetLastWriteTimeUtc(path):O} {File.GetUnixFileMode(path)}",
            StringComparer.Ordinal);

    private static bool IsSignedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private sealed record FileStat(string Mode, string Owner, string Group);
}
