namespace Alicia.Bus;

/// <summary>The broker refused a QoS 1 publish (MQTT 5 reason code, e.g. NotAuthorized 0x87 from the ACL).</summary>
public sealed class BusPublishException(string topic, string reason)
    : Exception($"the broker refused the publish to {topic}: {reason} (check mosquitto/acl)")
{
    public string Topic { get; } = topic;

    public string Reason { get; } = reason;
}
