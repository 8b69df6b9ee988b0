using Alicia.Testing;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Alicia.Security.Tests;

/// <summary>Who may connect at all, on each of the three listeners.</summary>
public sealed class AuthenticationTests(SharedBroker shared, ITestOutputHelper output) : IClassFixture<SharedBroker>
{
    private MosquittoBroker Broker => shared.Broker;

    [Theory]
    [InlineData(MqttTransport.Tcp)]
    [InlineData(MqttTransport.Tls)]
    [InlineData(MqttTransport.WebSocket)]
    public async Task Anonymous_clients_are_refused(MqttTransport transport)
    {
        var attempt = await TestMqtt.TryConnectAsync(TestMqtt.Options(Broker, user: null, transport).Build());

        output.WriteLine($"anonymous on {transport}: {attempt.Outcome}");
        Assert.False(attempt.Connected, attempt.Outcome);
    }

    [Theory]
    [InlineData(MqttTransport.Tcp)]
    [InlineData(MqttTransport.WebSocket)]
    public async Task A_wrong_password_is_refused_and_the_right_one_accepted(MqttTransport transport)
    {
        var wrong = await TestMqtt.TryConnectAsync(TestMqtt.Options(Broker, "dashboard", transport, Broker.Password("dashboard") + "x").Build());
        var empty = await TestMqtt.TryConnectAsync(TestMqtt.Options(Broker, "dashboard", transport, string.Empty).Build());
        var right = await TestMqtt.TryConnectAsync(TestMqtt.Options(Broker, "dashboard", transport).Build());

        output.WriteLine($"wrong password on {transport}: {wrong.Outcome}");
        Assert.False(wrong.Connected, wrong.Outcome);
        Assert.False(empty.Connected, empty.Outcome);
        Assert.True(right.Connected, right.Outcome);
    }

    [Fact]
    public async Task No_user_can_log_in_with_another_users_password()
    {
        var users = BrokerUsers.All;
        var pairs = users.SelectMany(user => users.Select(owner => (User: user, Owner: owner))).ToList();

        var attempts = await Task.WhenAll(pairs.Select(async pair =>
            (pair.User, pair.Owner, Attempt: await TestMqtt.TryConnectAsync(
                TestMqtt.Options(Broker, pair.User, MqttTransport.Tcp, Broker.Password(pair.Owner)).Build()))));

        var wrongOutcomes = attempts.Where(a => a.Attempt.Connected != (a.User == a.Owner))
            .Select(a => $"{a.User} with {a.Owner}'s password: {a.Attempt.Outcome}").ToList();
        Assert.Equal(users.Count * users.Count, attempts.Length);
        Assert.Empty(wrongOutcomes);
    }

    [Fact]
    public async Task Tls_listener_refuses_a_client_without_a_certificate_even_with_a_valid_password()
    {
        var options = TestMqtt.Options(Broker, user: null, MqttTransport.Tls).WithCredentials("cli", Broker.Password("cli")).Build();
        var missingBefore = LogCount("peer did not return a certificate");

        var attempt = await TestMqtt.TryConnectAsync(options);

        output.WriteLine($"no certificate: {attempt.Outcome}");
        Assert.False(attempt.Connected, attempt.Outcome);
        await WaitForLogAsync("peer did not return a certificate", missingBefore + 1);
    }

    [Fact]
    public async Task Tls_listener_refuses_certificates_from_another_ca()
    {
        var verifyFailuresBefore = LogCount("certificate verify failed");
        using var foreign = ForeignCertificates.FromUnknownCa("tts");
        using var selfSigned = ForeignCertificates.SelfSigned("cli");

        var fromOtherCa = await TestMqtt.TryConnectAsync(TlsOptions(foreign));
        var fromNobody = await TestMqtt.TryConnectAsync(TlsOptions(selfSigned));
        using var genuine = TestMqtt.ClientCertificate(Broker.SecretsDirectory, "tts");
        var fromOurCa = await TestMqtt.TryConnectAsync(TlsOptions(genuine));

        output.WriteLine($"other CA: {fromOtherCa.Outcome}\nself-signed: {fromNobody.Outcome}");
        Assert.False(fromOtherCa.Connected, fromOtherCa.Outcome);
        Assert.False(fromNobody.Connected, fromNobody.Outcome);
        Assert.True(fromOurCa.Connected, fromOurCa.Outcome);
        await WaitForLogAsync("certificate verify failed", verifyFailuresBefore + 2); // refused by the broker's check, not by chance
    }

    [Fact]
    public async Task The_certificate_identity_wins_over_a_claimed_username()
    {
        // tts's certificate, but claiming to be cli: the broker must treat the client as tts.
        using var tts = TestMqtt.ClientCertificate(Broker.SecretsDirectory, "tts");
        var options = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTcpServer(Broker.Host, Broker.TlsPort)
            .WithCredentials("cli", Broker.Password("cli"))
            .WithTlsOptions(TestMqtt.TlsOptions(Path.Combine(Broker.SecretsDirectory, "ca.crt"), tts))
            .Build();
        using var client = await TestMqtt.ConnectAsync(options);

        var asCli = await client.PublishAsync(Probe("alicia/system/registry/add"));
        var asTts = await client.PublishAsync(Probe("alicia/voice/tts/response"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, asCli.ReasonCode);
        Assert.True(asTts.IsSuccess, asTts.ReasonCode.ToString());
    }

    private MqttClientOptions TlsOptions(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        new MqttClientOptionsBuilder()
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTcpServer(Broker.Host, Broker.TlsPort)
            .WithTlsOptions(TestMqtt.TlsOptions(Path.Combine(Broker.SecretsDirectory, "ca.crt"), certificate))
            .Build();

    /// <summary>The broker logs a refused handshake shortly after the client sees the connection drop.</summary>
    private async Task WaitForLogAsync(string text, int occurrences)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (LogCount(text) < occurrences)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {occurrences} x '{text}' in the broker log:\n{Broker.LogText()}");
            await Task.Delay(20);
        }
    }

    private int LogCount(string text) =>
        Broker.LogText().Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    private static MqttApplicationMessage Probe(string topic) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload("probe").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
}
