using Alicia.Contracts;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Devices;

/// <summary>Carries out one device command and says how it went (the bus in the service, a fake in tests).</summary>
public interface IDeviceCommander
{
    Task<CommandOutcome> ExecuteAsync(DeviceCommand command, Envelope? cause, CancellationToken cancellationToken);
}
