namespace Alicia.Bus;

/// <summary>How one subscription behaves under load.</summary>
public sealed record RouteOptions
{
    public static readonly RouteOptions Default = new();

    public BackpressurePolicy Backpressure { get; init; } = BackpressurePolicy.DropOldest;

    /// <summary>An MQTT 5 shared-subscription group: instances of a service in one group split the messages.</summary>
    public string? SharedGroup { get; init; }
}
