using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Devices;

namespace Alicia.Ai.Devices;

/// <summary>
/// Sends device commands on <c>alicia/voice/command/execute</c> with results on <c>alicia/voice/command/result</c>,
/// with few, short attempts: a person is waiting for the reply.
/// </summary>
public sealed class BusDeviceCommander(BusClient bus, AiOptions options) : IDeviceCommander
{
    public async Task<CommandOutcome> ExecuteAsync(DeviceCommand command, Envelope? cause, CancellationToken cancellationToken)
    {
        var sendOptions = new CommandOptions
        {
            ResponseTopic = Topics.Command.Result,
            AttemptTimeout = options.CommandAttemptTimeout,
            MaxAttempts = options.CommandMaxAttempts,
            Priority = MessagePriority.Interactive,
            CausedBy = cause,
        };
        try
        {
            var result = await bus.SendCommandAsync<DeviceCommand, CommandResult>(Topics.Command.Execute, command, sendOptions, cancellationToken);
            return result.Ok ? CommandOutcome.Done(result.State) : new CommandOutcome(CommandStatus.Refused, result.Error, result.State);
        }
        catch (CommandRejectedException e)
        {
            return new CommandOutcome(CommandStatus.Refused, e.Message);
        }
        catch (Exception e) when (e is CommandFailedException or BusPublishException)
        {
            return new CommandOutcome(CommandStatus.Unreachable, e.Message);
        }
    }
}
