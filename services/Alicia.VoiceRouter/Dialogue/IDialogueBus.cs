using Alicia.Contracts;
using Alicia.Contracts.Voice;

namespace Alicia.VoiceRouter.Dialogue;

/// <summary>What a site's dialogue sends: the bus in the service, a recorder in unit tests.</summary>
public interface IDialogueBus
{
    Task SessionStartedAsync(SessionStarted started, Envelope? cause);

    Task SessionEndedAsync(SessionEnded ended, Envelope? cause);

    /// <summary>Publishes an <see cref="AiRequest"/>; returns its message id, which the response carries as correlation id.</summary>
    Task<string> AskAiAsync(string text, string sessionId, string site, Envelope? cause);

    /// <summary>Asks the TTS to speak on the site and waits for its response.</summary>
    /// <exception cref="TimeoutException">No response within <paramref name="timeout"/>.</exception>
    /// <exception cref="SpeechFailedException">The TTS answered that it failed.</exception>
    Task<TtsResponse> SpeakAsync(string text, string sessionId, string site, Envelope? cause, TimeSpan timeout, CancellationToken cancellationToken);
}
