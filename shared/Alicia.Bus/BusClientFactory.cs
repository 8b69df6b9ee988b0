using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alicia.Bus;

/// <summary>
/// Creates one <see cref="BusClient"/> per service name from that service's named <see cref="BusOptions"/>,
/// so several services can share a process (threads mode) and still each have their own connection,
/// credential and ACL.
/// </summary>
public sealed class BusClientFactory(IOptionsMonitor<BusOptions> options, BusJson json, ILoggerFactory loggers, TimeProvider time)
{
    public ILoggerFactory Loggers => loggers;

    public TimeProvider Time => time;

    public BusClient Create(string serviceName) => new(options.Get(serviceName), json, loggers, time);
}
