namespace Alicia.Bus.Tests;

public sealed class BusOptionsValidatorTests
{
    [Fact]
    public void Accepts_complete_options()
    {
        using var secrets = new TemporarySecrets("tts");

        var result = new BusOptionsValidator().Validate(null, new BusOptions { ServiceName = "tts", SecretsDirectory = secrets.Path });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Names_every_wrong_setting()
    {
        var options = new BusOptions { ServiceName = "Bad Name", Port = 70000, QueueCapacity = 0, KeepAlive = TimeSpan.Zero };

        var failures = new BusOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("Bus:ServiceName", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Bus:Port 70000", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Bus:QueueCapacity", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Bus:KeepAlive", StringComparison.Ordinal));
    }

    [Fact]
    public void Says_how_to_create_a_missing_credential()
    {
        var result = new BusOptionsValidator().Validate(null, new BusOptions { ServiceName = "tts", SecretsDirectory = "/nonexistent" });

        Assert.Contains("deploy/secrets.sh", result.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class TemporarySecrets : IDisposable
    {
        public TemporarySecrets(string service)
        {
            Path = Directory.CreateTempSubdirectory("alicia-options-").FullName;
            File.WriteAllText(System.IO.Path.Combine(Path, $"{service}.password"), "x");
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
