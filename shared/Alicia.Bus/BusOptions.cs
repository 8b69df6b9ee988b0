namespace Alicia.Bus;

/// <summary>
/// How one service reaches the broker. Bound from the <c>Bus</c> configuration section and
/// <c>ALICIA_BUS__*</c> environment variables; validated at start-up by <see cref="BusOptionsValidator"/>.
/// </summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>The service's name: its broker user, its health topic and its ACL identity.</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>Distinguishes several instances of one service (client id, reply topic).</summary>
    public string Instance { get; set; } = "main";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>Connect over TLS with the service's client certificate instead of a password (port 8883).</summary>
    public bool UseTls { get; set; }

    /// <summary>Holds <c>{service}.password</c>, and for TLS <c>ca.crt</c>, <c>{service}.crt</c> and <c>{service}.key</c>.</summary>
    public string SecretsDirectory { get; set; } = ".secrets";

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the broker keeps the session (subscriptions, queued QoS 1 messages) while the service is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Larger payloads are rejected unread (a whole utterance of base64 audio fits).</summary>
    public int MaxPayloadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Publishes kept while the broker is unreachable; past it the oldest are dropped and counted.</summary>
    public int OutboxCapacity { get; set; } = 10_000;

    /// <summary>Messages waiting for a handler; past it the route's backpressure policy applies.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Handlers running at once. 1 keeps arrival order within a priority.</summary>
    public int DispatchConcurrency { get; set; } = 4;

    public TimeSpan CommandAttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int CommandMaxAttempts { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Completed command ids remembered for idempotency.</summary>
    public int IdempotencyCapacity { get; set; } = 10_000;

    /// <summary>Port of the Prometheus text endpoint on loopback; 0 turns it off.</summary>
    public int MetricsPort { get; set; }

    /// <summary>
    /// When set, touched after every health report published while connected: a container health check
    /// can tell a live, connected service from a hung one by the file's age.
    /// </summary>
    public string? HealthFile { get; set; }

    public string PasswordFile => Path.Combine(SecretsDirectory, $"{ServiceName}.password");

    public string CaFile => Path.Combine(SecretsDirectory, "ca.crt");

    public string CertificateFile => Path.Combine(SecretsDirectory, $"{ServiceName}.crt");

    public string KeyFile => Path.Combine(SecretsDirectory, $"{ServiceName}.key");

    public string ClientId => $"alicia-{ServiceName}-{Instance}";
}
