using Alicia.Testing;

namespace Alicia.Security.Tests;

/// <summary>A user connecting through one of the broker's listeners.</summary>
public sealed record MatrixClient(string User, MqttTransport Transport)
{
    public override string ToString() => $"{User}@{Transport}";
}
