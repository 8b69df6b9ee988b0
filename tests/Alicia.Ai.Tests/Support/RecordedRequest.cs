namespace Alicia.Ai.Tests.Support;

/// <summary>One HTTP request the fake OpenAI server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);
