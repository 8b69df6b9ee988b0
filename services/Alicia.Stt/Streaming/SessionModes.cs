namespace Alicia.Stt.Streaming;

/// <summary>Session modes (<see cref="Contracts.Voice.SessionStarted.Mode"/>) the STT cares about.</summary>
public static class SessionModes
{
    /// <summary>A typed conversation: nothing is listened to.</summary>
    public const string Text = "text";
}
