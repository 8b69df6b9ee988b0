using System.Text;
using System.Threading.Channels;
using Alicia.DemoDevices.Devices;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Alicia.DemoDevices;

/// <summary>
/// Runs the demo house as a device bridge: connects as the <c>bridge</c> user with plain MQTTnet (no
/// envelopes: this is the devices' own protocol), announces every device with a retained discovery
/// config, obeys their command topics and publishes their retained state. Its own reconnect loop
/// re-announces everything after each connect; a last will marks the devices unavailable.
/// </summary>
public sealed class DemoDevicesWorker(IOptions<DemoDevicesOptions> options, ILogger<DemoDevicesWorker> logger, TimeProvider time) : BackgroundService
{
    private readonly DemoDevicesOptions _options = options.Value;
    private readonly Channel<(string Topic, string Payload)> _commands = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public DemoHouse House { get; } = new(options.Value.TopicPrefix);

    /// <summary>Completed connections so far (a test can wait for a reconnect).</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            logger.LogInformation("Demo devices are off ({Section}:Enabled=false)", DemoDevicesOptions.Section);
            return;
        }

        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.DisconnectedAsync += _ =>
            {
                lost.TrySetResult();
                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += e =>
            {
                // MQTTnet's receive loop: hand the command to our loop, never publish from here.
                _commands.Writer.TryWrite((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
                return Task.CompletedTask;
            };

            try
            {
                await client.ConnectAsync(ClientOptions(), stoppingToken);
                await client.SubscribeAsync(Subscriptions(), stoppingToken);
                await AnnounceAsync(client, stoppingToken);
                attempt = 0;
                Connections++;
                logger.LogInformation("Demo devices online on {Host}:{Port}: {Devices}", _options.Host, _options.Port,
                    string.Join(", ", House.Devices.Select(d => d.Id)));
                await ServeAsync(client, lost.Task, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt % 10 == 0)
                {
                    logger.LogWarning("Demo devices cannot reach the broker at {Host}:{Port} (attempt {Attempt}): {Error}",
                        _options.Host, _options.Port, attempt + 1, e.Message);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                await GoOfflineAsync(client);
                return;
            }

            await Task.Delay(Delay(attempt), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Commands and simulation ticks, one at a time, until the connection drops or the host stops.
    private async Task ServeAsync(IMqttClient client, Task lost, CancellationToken stoppingToken)
    {
        var nextTick = time.GetUtcNow() + _options.SimulationInterval;
        while (!lost.IsCompleted)
        {
            var wait = nextTick - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                nextTick = time.GetUtcNow() + _options.SimulationInterval;
                foreach (var device in House.Devices.Where(d => d.Tick()))
                {
                    await PublishStateAsync(client, device, stoppingToken);
                }

                continue;
            }

            using (var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                await Task.WhenAny(_commands.Reader.WaitToReadAsync(wake.Token).AsTask(), lost, Task.Delay(wait, time, wake.Token));
                await wake.CancelAsync(); // the losers of the race stop waiting
            }

            stoppingToken.ThrowIfCancellationRequested();
            while (!lost.IsCompleted && _commands.Reader.TryRead(out var message))
            {
                await ObeyAsync(client, message.Topic, message.Payload, stoppingToken);
            }
        }

        logger.LogWarning("Demo devices lost the broker; reconnecting");
    }

    private async Task ObeyAsync(IMqttClient client, string topic, string payload, CancellationToken cancellationToken)
    {
        if (House.ForCommandTopic(topic) is not { } device)
        {
            return;
        }

        if (device.Handle(topic, payload))
        {
            logger.LogInformation("{Device} <- {Payload}", device.Id, payload);
        }
        else
        {
            logger.LogWarning("{Device} ignored a command it does not understand on {Topic}: {Payload}", device.Id, topic, payload);
        }

        // Report either way, as real devices do: the sender learns the state the device is really in.
        await PublishStateAsync(client, device, cancellationToken);
    }

    private async Task AnnounceAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        await PublishAsync(client, _options.AvailabilityTopic, "online", cancellationToken);
        foreach (var device in House.Devices)
        {
            await PublishAsync(client, device.ConfigTopic(_options.DiscoveryPrefix), device.DiscoveryConfig(_options.AvailabilityTopic), cancellationToken);
            await PublishStateAsync(client, device, cancellationToken);
        }
    }

    private static async Task PublishStateAsync(IMqttClient client, VirtualDevice device, CancellationToken cancellationToken)
    {
        foreach (var message in device.StateMessages())
        {
            await PublishAsync(client, message.Topic, message.Payload, cancellationToken);
        }
    }

    private static async Task PublishAsync(IMqttClient client, string topic, string payload, CancellationToken cancellationToken)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the broker refused {topic}: {result.ReasonCode} (check the bridge user's grants in mosquitto/acl)");
        }
    }

    // A clean stop: say so on the availability topic (the last will covers crashes) and disconnect.
    private async Task GoOfflineAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await PublishAsync(client, _options.AvailabilityTopic, "offline", timeout.Token);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            logger.LogDebug("Demo devices could not say goodbye: {Error}", e.Message);
        }
    }

    private MqttClientOptions ClientOptions() => new MqttClientOptionsBuilder()
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithClientId($"alicia-demo-devices-{Guid.NewGuid():N}")
        .WithTcpServer(_options.Host, _options.Port)
        // Read on every attempt, so a rotated password is picked up by the next reconnect.
        .WithCredentials(DemoDevicesOptions.BrokerUser, File.ReadAllText(_options.PasswordFile).Trim())
        .WithCleanStart(true) // commands sent while the devices were away are stale
        .WithKeepAlivePeriod(TimeSpan.FromSeconds(10))
        .WithTimeout(TimeSpan.FromSeconds(5))
        .WithWillTopic(_options.AvailabilityTopic)
        .WithWillPayload(Encoding.UTF8.GetBytes("offline"))
        .WithWillRetain(true)
        .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private MqttClientSubscribeOptions Subscriptions()
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in House.CommandTopics)
        {
            builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        return builder.Build();
    }

    private TimeSpan Delay(int attempt)
    {
        var exponential = _options.ReconnectMinDelay * Math.Pow(2, Math.Min(attempt, 16));
        var capped = exponential < _options.ReconnectMaxDelay ? exponential : _options.ReconnectMaxDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2)); // jitter, so bridges do not reconnect in lockstep
    }
}
