using System.Collections.Concurrent;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.VoiceRouter.Dialogue;

namespace Alicia.VoiceRouter.Tests.Support;

/// <summary>Records what a dialogue sends; the TTS answers as <see cref="Speak"/> says (instantly by default).</summary>
internal sealed class FakeDialogueBus : IDialogueBus
{
    private int _requests;

    public ConcurrentQueue<SessionStarted> Started { get; } = new();

    public ConcurrentQueue<(string RequestId, string Text)> AiRequests { get; } = new();

    public ConcurrentQueue<string> Spoken { get; } = new();

    public TaskCompletionSource<SessionEnded> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<string, TimeSpan, CancellationToken, Task<TtsResponse>> Speak { get; set; } =
        (_, _, _) => Task.FromResult(new TtsResponse("", 1, 1, "test"));

    public Task SessionStartedAsync(SessionStarted started, Envelope? cause)
    {
        Started.Enqueue(started);
        return Task.CompletedTask;
    }

    public Task SessionEndedAsync(SessionEnded ended, Envelope? cause)
    {
        Ended.TrySetResult(ended);
        return Task.CompletedTask;
    }

    public Task<string> AskAiAsync(string text, string sessionId, string site, Envelope? cause)
    {
        var id = $"request-{Interlocked.Increment(ref _requests)}";
        AiRequests.Enqueue((id, text));
        return Task.FromResult(id);
    }

    public Task<TtsResponse> SpeakAsync(string text, string sessionId, string site, Envelope? cause, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Spoken.Enqueue(text);
        return Speak(text, timeout, cancellationToken);
    }

    public async Task<SessionEnded> EndedAsync() => await Ended.Task.WaitAsync(TimeSpan.FromSeconds(5));
}
