namespace Alicia.Ai.Tests.Support;

/// <summary>An <see cref="IHttpClientFactory"/> without the DI container.</summary>
internal sealed class PlainHttpClients : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}
