using System.Net;
using System.Text;
using Alicia.Testing;

namespace Alicia.Ai.Tests.Support;

/// <summary>
/// A tiny OpenAI-compatible server on a free loopback port: every POST to /v1/chat/completions is
/// recorded and answered with a <c>control_device</c> tool call (or, with <see cref="Delay"/>, too late).
/// </summary>
internal sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public FakeOpenAi(string toolArguments)
    {
        Port = FreePort.Next();
        ToolArguments = toolArguments;
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/v1";

    public string ToolArguments { get; }

    public TimeSpan Delay { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
        }

        try
        {
            await Task.Delay(Delay);
            var found = context.Request.HttpMethod == "POST" && context.Request.Url.AbsolutePath == "/v1/chat/completions";
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "application/json";
            var answer = found ? Completion() : """{"error":{"message":"not found"}}""";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (timeout test) or the server is closing.
        }
    }

    // Shaped like a real answer, extra fields included, arguments as a JSON string.
    private string Completion() => $$$"""
        {"id":"chatcmpl-1","object":"chat.completion","created":1732390000,"model":"test-model",
         "choices":[{"index":0,"finish_reason":"tool_calls",
           "message":{"role":"assistant","content":null,
             "tool_calls":[{"id":"call_1","type":"function","function":{"name":"control_device","arguments":{{{System.Text.Json.JsonSerializer.Serialize(ToolArguments)}}}}}]}}],
         "usage":{"prompt_tokens":120,"completion_tokens":20,"total_tokens":140}}
        """;
}
