using System.Globalization;
using Alicia.Testing;
using Xunit.Abstractions;

namespace Alicia.Security.Tests;

/// <summary>
/// The denial matrix, generated from mosquitto/acl and the user list in deploy/secrets.sh: every
/// user against a concrete topic of every topic family, on each listener.
/// </summary>
public sealed class PermissionMatrixTests(SharedBroker shared, ITestOutputHelper output) : IClassFixture<SharedBroker>
{
    private static readonly AclFile Acl = AclFile.Load(MosquittoBroker.AclPath);
    private static readonly IReadOnlyList<string> Topics = ProbeTopics.Derive(Acl, BrokerUsers.All);

    [Fact]
    public async Task Password_listener_enforces_the_acl_for_every_user_and_topic()
    {
        var everyone = BrokerUsers.All.Select(u => new MatrixClient(u, MqttTransport.Tcp)).ToList();

        var outcome = await RunAndRecordAsync("tcp", everyone, everyone);

        Assert.Equal(BrokerUsers.All.Count * Topics.Count, outcome.Publishes);
        Assert.True(outcome.RefusedPublishes > outcome.AllowedPublishes, "least privilege: most probes must be refused");
        Assert.Equal(0, outcome.AllowedWithoutReader);
        Assert.True(outcome.Mismatches.Count == 0, outcome.Report());
    }

    [Fact]
    public async Task Certificate_listener_gives_each_certificate_exactly_its_users_acl()
    {
        var everyone = BrokerUsers.All.Select(u => new MatrixClient(u, MqttTransport.Tls)).ToList();

        var outcome = await RunAndRecordAsync("tls", everyone, everyone);

        Assert.Equal(BrokerUsers.All.Count * Topics.Count, outcome.Publishes);
        Assert.True(outcome.Mismatches.Count == 0, outcome.Report());
    }

    [Fact]
    public async Task Websocket_listener_accepts_the_dashboard_and_enforces_its_acl()
    {
        var dashboard = new MatrixClient("dashboard", MqttTransport.WebSocket);
        var readers = BrokerUsers.All.Where(u => u != "dashboard").Select(u => new MatrixClient(u, MqttTransport.Tcp)).Append(dashboard).ToList();

        var outcome = await RunAndRecordAsync("websocket", [dashboard], readers);

        Assert.Equal(Topics.Count, outcome.Publishes);
        Assert.Equal(Topics.Count(t => Acl.Allows("dashboard", t, AclAccess.Write)), outcome.AllowedPublishes);
        Assert.True(outcome.Mismatches.Count == 0, outcome.Report());
    }

    [Fact]
    public async Task A_model_missing_one_grant_is_caught_by_the_matrix()
    {
        // Proves the matrix can fail: drop stt's grant for its responses from the model only.
        const string Dropped = "topic write alicia/voice/stt/response";
        var lines = (await File.ReadAllLinesAsync(MosquittoBroker.AclPath)).ToList();
        var sttBlock = lines.IndexOf("user stt");
        lines.RemoveAt(lines.FindIndex(sttBlock, line => line == Dropped));
        var wrongModel = AclFile.Parse(lines);
        var stt = new MatrixClient("stt", MqttTransport.Tcp);

        var outcome = await PermissionMatrix.RunAsync(shared.Broker, wrongModel, ["alicia/voice/stt/response", "alicia/voice/stt/request"], [stt],
            [stt, new MatrixClient("voice-router", MqttTransport.Tcp)]);

        Assert.Contains(outcome.Mismatches, m => m.Contains("stt@Tcp -> alicia/voice/stt/response: ACL says may not write", StringComparison.Ordinal));
        Assert.Contains(outcome.Mismatches, m => m.Contains("reader voice-router@Tcp received it", StringComparison.Ordinal));
    }

    private async Task<MatrixOutcome> RunAndRecordAsync(string name, IReadOnlyList<MatrixClient> publishers, IReadOnlyList<MatrixClient> readers)
    {
        var outcome = await PermissionMatrix.RunAsync(shared.Broker, Acl, Topics, publishers, readers);
        var report = string.Create(CultureInfo.InvariantCulture, $"[{name}] {outcome.Report()}");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, $"permission-matrix-{name}.txt"), report);
        // A delivery mismatch caused by the broker's queue limits would be a test artefact, not an ACL finding.
        Assert.DoesNotContain("Outgoing messages are being dropped", shared.Broker.LogText(), StringComparison.Ordinal);
        return outcome;
    }
}
