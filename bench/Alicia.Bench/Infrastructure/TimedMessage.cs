namespace Alicia.Bench.Infrastructure;

/// <summary>A message as the bench saw it, with when it arrived (Unix seconds, like the envelopes' own times).</summary>
public sealed record TimedMessage(int Index, string Topic, byte[] Payload, double ArrivedAt);
