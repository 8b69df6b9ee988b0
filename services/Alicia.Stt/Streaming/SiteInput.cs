namespace Alicia.Stt.Streaming;

/// <summary>
/// What a site's worker handles, in order: audio, and the session and settings changes that decide what the
/// audio is for. Keeping them in one queue means a site's state is only ever touched by its own worker.
/// </summary>
internal abstract record SiteInput
{
    internal sealed record Audio(byte[] Bytes) : SiteInput;

    internal sealed record SessionOpened(string SessionId, string Mode) : SiteInput;

    internal sealed record SessionClosed(string SessionId) : SiteInput;

    internal sealed record Reconfigured(ListeningSettings Settings) : SiteInput;
}
