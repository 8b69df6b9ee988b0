using System.Buffers;
using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.Cli;

/// <summary>
/// Follows one dialogue session on a site from the outside, as a satellite would: asks the voice
/// router to start it, optionally streams audio into it, and collects what every stage said.
/// </summary>
public sealed class Conversation : IAsyncDisposable
{
    private readonly BusClient _bus;
    private readonly MessageWaiter<SessionStarted> _started;
    private readonly MessageWaiter<SessionEnded> _ended;
    private readonly MessageWaiter<AiResponse> _understood;
    private readonly TaskCompletionSource<byte[]> _replyAudio = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Conversation(BusClient bus, MessageWaiter<SessionStarted> started, MessageWaiter<SessionEnded> ended, MessageWaiter<AiResponse> understood)
    {
        _bus = bus;
        _started = started;
        _ended = ended;
        _understood = understood;
    }

    public string Site { get; private init; } = "";

    public BusClient Bus => _bus;

    public static async Task<Conversation> OpenAsync(CliContext context, string site, CancellationToken cancellationToken)
    {
        MessageWaiter<SessionStarted>? started = null;
        MessageWaiter<SessionEnded>? ended = null;
        MessageWaiter<AiResponse>? understood = null;
        TaskCompletionSource<byte[]> audio = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = await CliBus.ConnectAsync(context, b =>
        {
            started = new MessageWaiter<SessionStarted>(b, Topics.Session.Started(site));
            ended = new MessageWaiter<SessionEnded>(b, Topics.Session.Ended(site));
            understood = new MessageWaiter<AiResponse>(b, Topics.Ai.Response);
            b.OnBinary(Topics.Tts.Audio(site), (_, bytes) => audio.TrySetResult(bytes.ToArray()));
        }, cancellationToken);
        var conversation = new Conversation(bus, started!, ended!, understood!) { Site = site };
        audio.Task.ContinueWith(t => conversation._replyAudio.TrySetResult(t.Result), TaskScheduler.Default).Ignore();
        return conversation;
    }

    /// <summary>Asks the router for a session (text-only when <paramref name="text"/> is given) and returns its id.</summary>
    public async Task<string> StartAsync(string? text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _bus.PublishAsync(Topics.Session.Start(Site), new SessionStart(text),
            new PublishOptions { AtLeastOnce = true, Priority = MessagePriority.Interactive, SiteId = Site }, cancellationToken);
        var started = await _started.WaitAsync(_ => true, timeout, "session start from the voice router", cancellationToken);
        return started.Payload.SessionId;
    }

    public async Task<ConversationResult> FinishAsync(string sessionId, TimeSpan timeout, string? replyAudioFile, CancellationToken cancellationToken)
    {
        var ended = (await _ended.WaitAsync(m => m.Payload.SessionId == sessionId, timeout, "end of the session", cancellationToken)).Payload;
        var understood = _understood.Drain().LastOrDefault(m => m.SessionId == sessionId)?.Payload;
        if (replyAudioFile is not null && ended.Reply is not null)
        {
            var audio = await _replyAudio.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            await File.WriteAllBytesAsync(replyAudioFile, audio, cancellationToken);
        }

        return new ConversationResult(ended.SessionId, ended.Site, ended.Reason, ended.Transcript, ended.Intent ?? understood?.Intent,
            understood?.Slots ?? [], ended.Reply, ended.StageMs, replyAudioFile);
    }

    public ValueTask DisposeAsync() => _bus.DisposeAsync();

    public static async Task PrintAsync(CliContext context, ConversationResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (context.Json)
        {
            await context.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(result, CliJson.Default.ConversationResult));
            return;
        }

        var output = context.Out;
        if (result.Transcript is not null)
        {
            await output.WriteLineAsync($"heard:   {result.Transcript}");
        }

        await output.WriteLineAsync($"intent:  {result.Intent ?? "(none)"}");
        foreach (var slot in result.Slots)
        {
            await output.WriteLineAsync($"  {slot.Name} = {slot.Value}{(slot.Raw != slot.Value ? $" (\"{slot.Raw}\")" : "")}");
        }

        await output.WriteLineAsync($"reply:   {result.Reply ?? "(none)"}");
        await output.WriteLineAsync($"ended:   {result.Reason}");
        if (result.StageMs.Count > 0)
        {
            await output.WriteLineAsync("timings: " + string.Join("  ", result.StageMs.Select(s => $"{s.Key} {s.Value:0.0} ms")));
        }

        if (result.ReplyAudioFile is not null)
        {
            await output.WriteLineAsync($"audio:   {result.ReplyAudioFile}");
        }
    }
}
