using Alicia.Speech;

namespace Alicia.Stt.Streaming;

/// <summary>Where a site's results go (the service publishes them on the bus; tests collect them).</summary>
public interface ISiteEventSink
{
    /// <param name="detectedAt">Unix seconds.</param>
    Task WakeDetectedAsync(string site, string phrase, double detectedAt, CancellationToken cancellationToken);

    /// <param name="speechEndedAt">Unix seconds at which the last voiced frame ended.</param>
    /// <param name="closedAt">Unix seconds at which the VAD decided the utterance was over.</param>
    Task TranscribedAsync(string site, string sessionId, Transcript transcript, double speechEndedAt, double closedAt, CancellationToken cancellationToken);

    Task FailedAsync(string site, string sessionId, string reason, string detail, CancellationToken cancellationToken);
}
