namespace Alicia.Ai.Devices;

public enum CommandStatus
{
    Done,

    /// <summary>The registry answered that it could not do it (unknown device, unsupported action).</summary>
    Refused,

    /// <summary>No result after every attempt (the command was dead-lettered).</summary>
    Unreachable,
}
