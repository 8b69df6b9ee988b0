using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;
using Alicia.DeviceRegistry.Control;
using Alicia.DeviceRegistry.Devices;
using Alicia.DeviceRegistry.Discovery;
using Alicia.DeviceRegistry.Registry;
using Alicia.DeviceRegistry.State;
using Microsoft.Extensions.Options;

namespace Alicia.DeviceRegistry;

/// <summary>
/// The device registry on the bus: device administration (add/update/remove commands), Home Assistant
/// MQTT discovery import, control (voice commands and the control topic, translated into each device's
/// own protocol) and state (each device's reports mirrored retained on alicia/devices/state/{id}).
/// Discovery and state messages are raw bytes: they leave the receive path through a channel and are
/// handled in arrival order by one worker, so a config is always applied before the state after it.
/// </summary>
public sealed class DeviceRegistryService : BusServiceWrapper
{
    private static readonly PublishOptions RetainedState = new() { Retain = true, Ttl = Envelope.NeverExpires, Priority = MessagePriority.Interactive };

    private readonly DeviceCatalog _catalog;
    private readonly DeviceStates _states;
    private readonly DeviceRegistryOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<InboundMessage> _inbound;
    private readonly ConcurrentDictionary<string, byte[]> _lastPayloads = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _listGate = new(1, 1);
    private const int ListBatchLimit = 500;
    private bool _listOutdated;
    private int _deferredMessages;
    private long _invalidDiscovery;
    private long _inboundDropped;

    public DeviceRegistryService(BusClientFactory factory, DeviceCatalog catalog, DeviceStates states, IOptions<DeviceRegistryOptions> options,
        ILoggerFactory loggers, TimeProvider time)
        : base(factory, ServiceNames.DeviceRegistry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _catalog = catalog;
        _states = states;
        _options = options.Value;
        _logger = loggers.CreateLogger<DeviceRegistryService>();
        _time = time;
        _inbound = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(_options.InboundCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of blocking the receive path
            SingleReader = true,
        });
        Bus.Metrics.Gauge("devices", () => _catalog.Devices.Count);
        Bus.Metrics.Gauge("inbound_depth", () => _inbound.Reader.Count);
    }

    /// <summary>Discovery configs refused as malformed (also counted as rejected.invalid_discovery in the metrics).</summary>
    public long InvalidDiscoveryCount => Interlocked.Read(ref _invalidDiscovery);

    public long InboundDropped => Interlocked.Read(ref _inboundDropped);

    public IReadOnlyList<Device> Devices => _catalog.Devices;

    protected override IReadOnlyList<string> Capabilities => ["devices", "device-control", "homeassistant-discovery"];

    protected override void ConfigureRoutes(BusClient bus)
    {
        // Discovery first: at connect the broker sends each filter's retained messages in subscription order.
        bus.OnBinary($"{_options.DiscoveryPrefix}/#", Receive);
        foreach (var filter in _options.EffectiveBridgeTopics)
        {
            bus.OnBinary(filter, Receive);
        }

        bus.OnCommand<DeviceDefinition, DeviceInfo>(Topics.Registry.Add, (m, ct) => AddAsync(m.Payload, ct));
        bus.OnCommand<DeviceUpdate, DeviceInfo>(Topics.Registry.Update, (m, ct) => UpdateAsync(m.Payload, ct));
        bus.OnCommand<DeviceRemoval, DeviceInfo>(Topics.Registry.Remove, (m, ct) => RemoveAsync(m.Payload, ct));
        bus.OnCommand<DeviceCommand, CommandResult>(Topics.Command.Execute, (m, ct) => ExecuteAsync(m.Payload, ct));

        // The control topic takes commands (answered on the sender's response topic) and plain events;
        // both also report on alicia/voice/command/result. The event route sees commands too and skips them.
        bus.OnCommand<DeviceCommand, CommandResult>(Topics.Devices.AllControl, ControlCommandAsync);
        bus.OnEvent<DeviceCommand>(Topics.Devices.AllControl, ControlEventAsync);
    }

    protected override Task OnConnectedAsync(CancellationToken cancellationToken) => PublishDeviceListAsync(cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);

        // A broker killed before its autosave comes back without our retained list and states: after
        // every reconnect, publish them again (after the wrapper's own health and registration).
        var announce = Bus.Connected;
        Bus.Connected = async reconnect =>
        {
            if (announce is not null)
            {
                await announce(reconnect);
            }

            if (reconnect)
            {
                await RepublishAsync();
            }
        };
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(base.ExecuteAsync(stoppingToken), ProcessInboundAsync(stoppingToken));

    public override void Dispose()
    {
        base.Dispose();
        _listGate.Dispose();
    }

    // ---- administration ----------------------------------------------------------------------

    private async Task<DeviceInfo> AddAsync(DeviceDefinition definition, CancellationToken cancellationToken)
    {
        var device = _catalog.Add(definition);
        _logger.LogInformation("Added device {Id} ({Type}) '{Name}'", device.Id, device.Type, device.Name);
        await PublishDeviceListAsync(cancellationToken);
        await ReplayCachedStateAsync(device, cancellationToken);
        return device.ToInfo();
    }

    private async Task<DeviceInfo> UpdateAsync(DeviceUpdate update, CancellationToken cancellationToken)
    {
        var device = _catalog.Update(update);
        _logger.LogInformation("Updated device {Id} '{Name}'", device.Id, device.Name);
        await PublishDeviceListAsync(cancellationToken);
        await ReplayCachedStateAsync(device, cancellationToken);
        return device.ToInfo();
    }

    private async Task<DeviceInfo> RemoveAsync(DeviceRemoval removal, CancellationToken cancellationToken)
    {
        var device = _catalog.Remove(removal.Id);
        _logger.LogInformation("Removed device {Id} '{Name}'", device.Id, device.Name);
        await ForgetAsync(device, cancellationToken);
        await PublishDeviceListAsync(cancellationToken);
        return device.ToInfo();
    }

    // ---- control -----------------------------------------------------------------------------

    private async Task<CommandResult> ExecuteAsync(DeviceCommand command, CancellationToken cancellationToken)
    {
        var device = _catalog.Resolve(command.DeviceId);
        var current = _states.GetOrInitial(device.Id);
        var messages = CommandTranslator.Translate(device, command, current);
        var confirmation = _states.NextAsync(device.Id);
        foreach (var message in messages)
        {
            await Bus.PublishBinaryAsync(message.Topic, Encoding.UTF8.GetBytes(message.Payload), retain: false, cancellationToken);
        }

        _logger.LogInformation("{Action} {Device}: {Messages}", command.Action, device.Id,
            string.Join("; ", messages.Select(m => $"{m.Topic} <- {m.Payload}")));
        DeviceState? state;
        if (StatePredictor.IsOptimistic(device))
        {
            state = Stamped(StatePredictor.Predict(device, command, current));
            await StoreStateAsync(state, cancellationToken);
        }
        else
        {
            state = await ConfirmedAsync(confirmation, cancellationToken) ?? _states.Get(device.Id);
        }

        return new CommandResult(device.Id, command.Action, true, null, state);
    }

    private async Task<CommandResult> ControlCommandAsync(BusMessage<DeviceCommand> message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ExecuteAsync(ControlTarget(message), cancellationToken);
            await PublishResultAsync(result, message.Envelope, cancellationToken);
            return result;
        }
        catch (CommandRejectedException e)
        {
            await PublishResultAsync(new CommandResult(message.Payload.DeviceId, message.Payload.Action, false, e.Message), message.Envelope, cancellationToken);
            throw;
        }
    }

    private async Task ControlEventAsync(BusMessage<DeviceCommand> message, CancellationToken cancellationToken)
    {
        if (message.Envelope.MessageType != MessageType.Event)
        {
            return; // commands are handled (and answered) by the command route
        }

        CommandResult result;
        try
        {
            result = await ExecuteAsync(ControlTarget(message), cancellationToken);
        }
        catch (CommandRejectedException e)
        {
            _logger.LogWarning("Refused control of {Topic}: {Reason}", message.Topic, e.Message);
            result = new CommandResult(message.Payload.DeviceId, message.Payload.Action, false, e.Message);
        }

        await PublishResultAsync(result, message.Envelope, cancellationToken);
    }

    // The topic names the device; a payload naming another one is a mistake worth refusing.
    private static DeviceCommand ControlTarget(BusMessage<DeviceCommand> message)
    {
        var deviceId = message.Topic[(message.Topic.LastIndexOf('/') + 1)..];
        if (!string.IsNullOrEmpty(message.Payload.DeviceId) && message.Payload.DeviceId != deviceId)
        {
            throw new CommandRejectedException($"the command names device '{message.Payload.DeviceId}' but was sent to '{message.Topic}'");
        }

        return message.Payload with { DeviceId = deviceId };
    }

    private async Task PublishResultAsync(CommandResult result, Envelope causedBy, CancellationToken cancellationToken) =>
        await Bus.PublishAsync(Topics.Command.Result, result, new PublishOptions { AtLeastOnce = true, CausedBy = causedBy, Priority = causedBy.Priority },
            cancellationToken);

    private async Task<DeviceState?> ConfirmedAsync(Task<DeviceState> confirmation, CancellationToken cancellationToken)
    {
        if (_options.StateConfirmTimeout <= TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            return await confirmation.WaitAsync(_options.StateConfirmTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    // ---- discovery and state (one worker, arrival order) --------------------------------------

    // Runs on the receive path: copy and hand on, never block.
    private void Receive(string topic, ReadOnlySequence<byte> payload)
    {
        if (!_inbound.Writer.TryWrite(new InboundMessage(topic, payload.ToArray())))
        {
            if (Interlocked.Increment(ref _inboundDropped) % 1000 == 1)
            {
                _logger.LogWarning("Inbound queue full ({Capacity}): dropped {Topic}", _options.InboundCapacity, topic);
            }

            Bus.Metrics.Dropped.Increment();
        }
    }

    private async Task ProcessInboundAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _inbound.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    if (message.Topic.StartsWith(_options.DiscoveryPrefix + "/", StringComparison.Ordinal))
                    {
                        await HandleDiscoveryAsync(message, cancellationToken);
                    }
                    else
                    {
                        await HandleDeviceReportAsync(message.Topic, message.Payload, cancellationToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Bus.Metrics.Failed.Increment();
                    _logger.LogError(e, "Could not handle {Topic}", message.Topic);
                }

                if (_listOutdated && (_inbound.Reader.Count == 0 || ++_deferredMessages >= ListBatchLimit))
                {
                    _listOutdated = false;
                    _deferredMessages = 0;
                    await PublishDeviceListAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleDiscoveryAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var result = DiscoveryParser.Parse(message.Topic, message.Payload, _options.DiscoveryPrefix);
        switch (result.Kind)
        {
            case DiscoveryResultKind.NotConfig:
                return;
            case DiscoveryResultKind.Invalid:
                Interlocked.Increment(ref _invalidDiscovery);
                Bus.Metrics.CountRejection("invalid_discovery");
                _logger.LogWarning("Ignored the discovery config on {Topic}: {Reason}", result.Topic, result.Problems[0]);
                return;
            case DiscoveryResultKind.Unsupported:
                _logger.LogDebug("Skipped {Topic}: {Reason}", result.Topic, result.Problems[0]);
                return;
        }

        foreach (var problem in result.Problems)
        {
            _logger.LogWarning("Discovery config {Topic}: skipped {Problem}", result.Topic, problem);
        }

        var changes = _catalog.ApplyDiscovery(result);
        foreach (var device in changes.Removed)
        {
            _logger.LogInformation("Device {Id} '{Name}' removed by its bridge ({Topic})", device.Id, device.Name, device.DiscoveryTopic);
            await ForgetAsync(device, cancellationToken);
        }

        foreach (var device in changes.Added)
        {
            _logger.LogInformation("Discovered {Type} {Id} '{Name}' ({Topic})", device.Type, device.Id, device.Name, device.DiscoveryTopic);
            await Bus.PublishAsync(Topics.Devices.DiscoveryFound, device.ToInfo(), new PublishOptions { AtLeastOnce = true }, cancellationToken);
        }

        foreach (var found in result.Devices.Where(d => d.Warnings.Count > 0))
        {
            _logger.LogWarning("Discovery config {Topic}: {Warnings}; the raw payload is used instead", found.ConfigTopic, string.Join("; ", found.Warnings));
        }

        // The list goes out once the burst is over (see ProcessInboundAsync): a bridge announcing
        // hundreds of devices at connect must not cause hundreds of ever-larger list messages.
        _listOutdated |= changes.Any;
        foreach (var device in changes.Added.Concat(changes.Updated))
        {
            await ReplayCachedStateAsync(device, cancellationToken);
        }
    }

    private async Task HandleDeviceReportAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_options.StateCacheLimit > 0 && (_lastPayloads.Count < _options.StateCacheLimit || _lastPayloads.ContainsKey(topic)))
        {
            _lastPayloads[topic] = payload;
        }

        foreach (var device in _catalog.ReportingOn(topic))
        {
            await ApplyReportAsync(device, topic, payload, cancellationToken);
        }
    }

    private async Task ApplyReportAsync(Device device, string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var current = _states.GetOrInitial(device.Id);
        var next = Stamped(StateInterpreter.Apply(device, topic, Encoding.UTF8.GetString(payload), current));
        await StoreStateAsync(next, cancellationToken);
    }

    // A device announced after its retained state (or changed to a new state topic) still starts with its state.
    private async Task ReplayCachedStateAsync(Device device, CancellationToken cancellationToken)
    {
        foreach (var topic in device.Mqtt.StateTopics())
        {
            if (_lastPayloads.TryGetValue(topic, out var payload))
            {
                await ApplyReportAsync(device, topic, payload, cancellationToken);
            }
        }
    }

    private async Task StoreStateAsync(DeviceState state, CancellationToken cancellationToken)
    {
        if (_states.Set(state))
        {
            await Bus.PublishAsync(Topics.Devices.State(state.DeviceId), state, RetainedState, cancellationToken);
        }
    }

    private async Task ForgetAsync(Device device, CancellationToken cancellationToken)
    {
        _states.Forget(device.Id);
        // An empty retained message clears the device's state topic on the broker.
        await Bus.PublishBinaryAsync(Topics.Devices.State(device.Id), ReadOnlyMemory<byte>.Empty, retain: true, cancellationToken);
    }

    private async Task PublishDeviceListAsync(CancellationToken cancellationToken)
    {
        // Serialized and always the newest snapshot, so the retained list can never go back to an older one.
        await _listGate.WaitAsync(cancellationToken);
        try
        {
            await Bus.PublishAsync(Topics.Devices.List, _catalog.ToDeviceList(),
                new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires, Priority = MessagePriority.System }, cancellationToken);
        }
        finally
        {
            _listGate.Release();
        }
    }

    private async Task RepublishAsync()
    {
        try
        {
            await PublishDeviceListAsync(CancellationToken.None);
            foreach (var device in _catalog.Devices)
            {
                if (_states.Get(device.Id) is { } state)
                {
                    await Bus.PublishAsync(Topics.Devices.State(device.Id), state, RetainedState, CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning("Could not republish the device list and states after reconnecting: {Error}", e.Message);
        }
    }

    private DeviceState Stamped(DeviceState state) => state with { UpdatedAt = Envelope.UnixSeconds(_time.GetUtcNow()) };
}
