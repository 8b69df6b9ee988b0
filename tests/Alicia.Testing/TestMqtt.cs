using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace Alicia.Testing;

/// <summary>
/// Raw MQTTnet 5 clients for tests that talk to a <see cref="MosquittoBroker"/> directly, always
/// with MQTT 5 so a refused QoS 1 publish comes back as reason 0x87 instead of a silent success.
/// </summary>
public static class TestMqtt
{
    private static readonly MqttClientFactory Factory = new();

    /// <summary>
    /// Client options for a user on one of the listeners. <paramref name="user"/> null means
    /// anonymous (no credentials, no client certificate). <paramref name="password"/> overrides the
    /// user's real password (Tcp and WebSocket only).
    /// </summary>
    public static MqttClientOptionsBuilder Options(
        MosquittoBroker broker, string? user, MqttTransport transport = MqttTransport.Tcp, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"test-{user ?? "anonymous"}-{Guid.NewGuid():N}")
            .WithTimeout(TimeSpan.FromSeconds(10));

        switch (transport)
        {
            case MqttTransport.Tcp:
                builder.WithTcpServer(broker.Host, broker.MqttPort);
                break;
            case MqttTransport.WebSocket:
                builder.WithWebSocketServer(ws => ws.WithUri($"ws://{broker.Host}:{broker.WebSocketPort}/mqtt"));
                break;
            case MqttTransport.Tls:
                var certificate = user is null ? null : ClientCertificate(broker.SecretsDirectory, user);
                return builder
                    .WithTcpServer(broker.Host, broker.TlsPort)
                    .WithTlsOptions(TlsOptions(Path.Combine(broker.SecretsDirectory, "ca.crt"), certificate));
            default:
                throw new ArgumentOutOfRangeException(nameof(transport), transport, null);
        }

        if (user is not null)
        {
            builder.WithCredentials(user, password ?? broker.Password(user));
        }

        return builder;
    }

    /// <summary>
    /// TLS that trusts only the CA in <paramref name="caCertificatePath"/> and presents
    /// <paramref name="clientCertificate"/> (or no certificate when null).
    /// </summary>
    public static MqttClientTlsOptions TlsOptions(string caCertificatePath, X509Certificate2? clientCertificate)
    {
        var ca = X509CertificateLoader.LoadCertificateFromFile(caCertificatePath);
        var builder = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithCertificateValidationHandler(e => IsSignedBy(e.Certificate, e.SslPolicyErrors, ca));
        if (clientCertificate is not null)
        {
            builder.WithClientCertificates([clientCertificate]);
        }

        return builder.Build();
    }

    /// <summary>The user's client certificate and key from a secrets directory made by deploy/secrets.sh.</summary>
    public static X509Certificate2 ClientCertificate(string secretsDirectory, string user) =>
        X509Certificate2.CreateFromPemFile(
            Path.Combine(secretsDirectory, user + ".crt"),
            Path.Combine(secretsDirectory, user + ".key"));

    /// <summary>Connects as <paramref name="user"/>; throws if the broker refuses.</summary>
    public static Task<IMqttClient> ConnectAsync(
        MosquittoBroker broker, string user, MqttTransport transport = MqttTransport.Tcp, string? password = null, CancellationToken ct = default) =>
        ConnectAsync(Options(broker, user, transport, password).Build(), ct);

    /// <summary>Connects with the given options; throws if the broker refuses.</summary>
    public static async Task<IMqttClient> ConnectAsync(MqttClientOptions options, CancellationToken ct = default)
    {
        var client = Factory.CreateMqttClient();
        try
        {
            await client.ConnectAsync(options, ct).ConfigureAwait(false);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Tries to connect and disconnects again; reports whether the broker accepted and why not.</summary>
    public static async Task<ConnectAttempt> TryConnectAsync(MqttClientOptions options, CancellationToken ct = default)
    {
        using var client = Factory.CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(options, ct).ConfigureAwait(false);
            await client.DisconnectAsync(cancellationToken: ct).ConfigureAwait(false);
            return new ConnectAttempt(result.ResultCode == MqttClientConnectResultCode.Success, result.ResultCode.ToString());
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            return new ConnectAttempt(false, e.Message);
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or System.Security.Authentication.AuthenticationException or IOException)
        {
            // TLS handshakes the broker rejects surface as transport errors, not CONNACK codes.
            return new ConnectAttempt(false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static bool IsSignedBy(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        // The installation CA is not in the system store: build the chain against it alone.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }
}
