using System.Collections.Concurrent;
using Alicia.Speech;
using Alicia.Stt.Streaming;

namespace Alicia.Stt.Tests.Support;

/// <summary>Collects what sites report, in order.</summary>
internal sealed class CollectingSink : ISiteEventSink
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public Task WakeDetectedAsync(string site, string phrase, double detectedAt, CancellationToken cancellationToken)
    {
        _events.Enqueue($"{site}: wake '{phrase}'");
        return Task.CompletedTask;
    }

    public Task TranscribedAsync(string site, string sessionId, Transcript transcript, double speechEndedAt, double closedAt, CancellationToken cancellationToken)
    {
        _events.Enqueue($"{site}/{sessionId}: '{transcript.Text}'");
        return Task.CompletedTask;
    }

    public Task FailedAsync(string site, string sessionId, string reason, string detail, CancellationToken cancellationToken)
    {
        _events.Enqueue($"{site}/{sessionId}: {reason}");
        return Task.CompletedTask;
    }

    public async Task WaitForAsync(Func<IReadOnlyList<string>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition(Events))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out; events so far: " + string.Join("; ", Events));
            await Task.Delay(20);
        }
    }
}
