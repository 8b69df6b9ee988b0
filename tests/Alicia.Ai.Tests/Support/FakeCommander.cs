using System.Collections.Concurrent;
using Alicia.Ai.Devices;
using Alicia.Contracts;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Tests.Support;

/// <summary>Records device commands and answers them; devices listed in <see cref="Unreachable"/> never answer.</summary>
internal sealed class FakeCommander : IDeviceCommander
{
    public ConcurrentQueue<DeviceCommand> Sent { get; } = new();

    public HashSet<string> Unreachable { get; } = [];

    public Task<CommandOutcome> ExecuteAsync(DeviceCommand command, Envelope? cause, CancellationToken cancellationToken)
    {
        Sent.Enqueue(command);
        return Task.FromResult(Unreachable.Contains(command.DeviceId)
            ? new CommandOutcome(CommandStatus.Unreachable, "no result")
            : CommandOutcome.Done());
    }
}
