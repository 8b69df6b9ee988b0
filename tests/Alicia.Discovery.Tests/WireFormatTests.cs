using System.Text.Json;
using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.Discovery.Tests;

/// <summary>The directory and query JSON the dashboard, the CLI and users' scripts use.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public void A_directory_entry_is_snake_case()
    {
        var directory = new ServiceDirectory(5, [new DirectoryEntry("tts", "main", "0.1.0", ["speech-synthesis"], 1, 2, HealthState.Online)]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(directory, ContractsJson.Default.ServiceDirectory));
        var entry = json.RootElement.GetProperty("services")[0];

        Assert.Equal(["capabilities", "instance", "service", "since", "started_at", "status", "version"],
            entry.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("online", entry.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{}", null, false)]
    [InlineData("""{"capability": "speech-synthesis"}""", "speech-synthesis", false)]
    [InlineData("""{"capability": null, "include_offline": true}""", null, true)]
    public void A_query_may_leave_out_what_it_does_not_need(string json, string? capability, bool includeOffline)
    {
        var query = JsonSerializer.Deserialize(json, ContractsJson.Default.CapabilityQuery)!;

        Assert.Equal(new CapabilityQuery(capability, includeOffline), query);
    }
}
