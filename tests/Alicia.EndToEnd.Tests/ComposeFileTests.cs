using Alicia.Testing;

namespace Alicia.EndToEnd.Tests;

/// <summary>docker-compose.yml is checked by docker-compose itself (no Docker engine is needed for that).</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_file_and_it_has_every_service()
    {
        var result = await Shell.RunAsync("docker-compose", ["-f", Repository.File("docker-compose.yml"), "config", "--services"]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var services = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("mosquitto", services);
        foreach (var service in Alicia.Contracts.ServiceNames.Services)
        {
            Assert.Contains(service, services);
        }
    }
}
