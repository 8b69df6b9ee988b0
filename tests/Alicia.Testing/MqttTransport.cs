namespace Alicia.Testing;

/// <summary>Which of the broker's three listeners a test client uses.</summary>
public enum MqttTransport
{
    /// <summary>Plain MQTT with username and password (1883 in the deployment).</summary>
    Tcp,

    /// <summary>Mutual TLS: the user's client certificate, no password (8883).</summary>
    Tls,

    /// <summary>MQTT over websockets with username and password (9001).</summary>
    WebSocket,
}
