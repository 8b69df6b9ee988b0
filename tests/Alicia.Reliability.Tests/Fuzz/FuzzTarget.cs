namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>
/// One concrete topic under fuzz: who publishes it (an identity the ACL lets write it), which services'
/// envelope routes and binary routes receive it, and its good message.
/// </summary>
internal sealed record FuzzTarget(
    string Topic,
    string Publisher,
    IReadOnlyList<string> Subscribers,
    IReadOnlyList<string> BinarySubscribers,
    GoodMessage Good)
{
    public bool IsBinary => Good.Kind == GoodKind.Binary;

    /// <summary>Only command or query routes take this topic, so an event there is the wrong message type.</summary>
    public bool CommandOnly => Good.Kind is GoodKind.Command or GoodKind.Query && !HasEventRoute;

    public bool HasEventRoute { get; init; }

    /// <summary>
    /// Copies of one message each service receives: mosquitto delivers one per matching subscription, so a
    /// service subscribed to both <c>alicia/system/health/#</c> and <c>alicia/system/health/check</c> gets two.
    /// </summary>
    public IReadOnlyDictionary<string, int> Copies { get; init; } = new Dictionary<string, int>();
}
