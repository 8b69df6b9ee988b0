namespace Alicia.Reliability.Tests.Fuzz;

/// <summary>One generated bad message, what kind of bad it is, and the services that must count it as refused.</summary>
internal sealed record BadMessage(string Kind, byte[] Bytes, IReadOnlyList<string> CountedBy);
