using System.Diagnostics;

namespace Alicia.VoiceRouter.Dialogue;

/// <summary>One open session of a site and what has happened in it so far. Used only under the site's lock.</summary>
public sealed class DialogueSession(string id, string site, string mode) : IDisposable
{
    public string Id { get; } = id;

    public string Site { get; } = site;

    public string Mode { get; } = mode;

    public bool IsVoice => Mode == SessionMode.Voice;

    public DialogueStage Stage { get; set; }

    /// <summary>Bumped at every stage change: timeouts and late answers of an earlier step are ignored.</summary>
    public long Step { get; set; }

    /// <summary>Cancelled when the session ends: stops its timeouts and any wait for the TTS.</summary>
    public CancellationTokenSource Ending { get; } = new();

    public string? Transcript { get; set; }

    public string? Intent { get; set; }

    public string? Reply { get; set; }

    public bool Understood { get; set; } = true;

    public bool ExpectsReply { get; set; }

    public string? AiRequestId { get; set; }

    public long AiSentAt { get; set; }

    /// <summary>Where "total" counts from: the VAD close of a voice turn, the start of a text session.</summary>
    public DateTimeOffset TurnStartedAt { get; set; }

    public Dictionary<string, double> StageMs { get; } = new(StringComparer.Ordinal);

    public void Record(string stage, long since) => StageMs[stage] = Math.Round(Stopwatch.GetElapsedTime(since).TotalMilliseconds, 1);

    public void Dispose() => Ending.Dispose();
}
