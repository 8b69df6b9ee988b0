using System.Globalization;
using Alicia.Testing;

namespace Alicia.Bench.Infrastructure;

/// <summary>Arguments for the broker's own C clients (mosquitto_pub, mosquitto_sub) as a real identity, MQTT 5.</summary>
public static class MosquittoClients
{
    public static IReadOnlyList<string> Connection(MosquittoBroker broker, string user, string topic, int qos)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return
        [
            "-h", broker.Host,
            "-p", broker.MqttPort.ToString(CultureInfo.InvariantCulture),
            "-u", user,
            "-P", broker.Password(user),
            "-V", "mqttv5",
            "-t", topic,
            "-q", qos.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
