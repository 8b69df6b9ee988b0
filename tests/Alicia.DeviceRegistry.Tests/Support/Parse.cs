using System.Text;
using Alicia.DeviceRegistry.Discovery;

namespace Alicia.DeviceRegistry.Tests.Support;

internal static class Parse
{
    public static DiscoveryResult Config(string topic, string json) => DiscoveryParser.Parse(topic, Encoding.UTF8.GetBytes(json));

    /// <summary>The single device a single-component config announces (fails the test otherwise).</summary>
    public static DiscoveredDevice One(string topic, string json)
    {
        var result = Config(topic, json);
        Assert.True(result.Kind == DiscoveryResultKind.Found, $"{result.Kind}: {string.Join("; ", result.Problems)}");
        return Assert.Single(result.Devices);
    }
}
