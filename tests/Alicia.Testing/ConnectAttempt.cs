namespace Alicia.Testing;

/// <summary>Outcome of <see cref="TestMqtt.TryConnectAsync"/>: accepted or not, and the broker's or transport's reason.</summary>
public sealed record ConnectAttempt(bool Connected, string Outcome);
