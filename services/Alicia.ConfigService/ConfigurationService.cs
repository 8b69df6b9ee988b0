using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Platform;

namespace Alicia.ConfigService;

/// <summary>
/// Publishes each service's settings retained on <c>alicia/system/config/{service}</c> (every BusServiceWrapper
/// applies its own live), takes validated updates on <c>alicia/system/config/update</c> and answers
/// <c>alicia/system/config/request</c>.
/// </summary>
public sealed class ConfigurationService(BusClientFactory bus, ConfigStore store, ILogger<ConfigurationService> logger)
    : BusServiceWrapper(bus, ServiceNames.ConfigService)
{
    // An update is persisted and published under one gate, so the retained settings always match the file.
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override IReadOnlyList<string> Capabilities => ["configuration"];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in store.Load())
        {
            logger.LogError("Configuration file not used: {Problem}", problem);
        }

        logger.LogInformation("Configuration from {Directory}: {Services}", store.Directory,
            string.Join(", ", store.Configured.Select(c => c.Service)));
        return base.StartAsync(cancellationToken);
    }

    protected override void ConfigureRoutes(BusClient bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.OnCommand<ConfigUpdate, ServiceConfig>(Topics.Config.Update, (m, ct) => UpdateAsync(m.Payload, ct));
        bus.OnQuery<ConfigRequest, ServiceConfig>(Topics.Config.Request, (m, _) => Task.FromResult(Refusing(() => store.Current(m.Payload.Service))));
    }

    protected override async Task OnConnectedAsync(CancellationToken cancellationToken)
    {
        foreach (var config in store.Configured)
        {
            await PublishAsync(config, cancellationToken);
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private async Task<ServiceConfig> UpdateAsync(ConfigUpdate update, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var config = Refusing(() => store.Update(update.Service, update.Settings));
            logger.LogInformation("Settings of {Service} updated: {Settings}", config.Service, update.Settings.GetRawText());
            await PublishAsync(config, cancellationToken);
            return config;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PublishAsync(ServiceConfig config, CancellationToken cancellationToken) =>
        await Bus.PublishAsync(Topics.Config.Of(config.Service), config.Settings,
            new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires, Priority = MessagePriority.System }, cancellationToken);

    private ServiceConfig Refusing(Func<ServiceConfig> action)
    {
        try
        {
            return action();
        }
        catch (InvalidConfigException e)
        {
            logger.LogWarning("Refused: {Reason}", e.Message);
            throw new CommandRejectedException(e.Message);
        }
    }
}
