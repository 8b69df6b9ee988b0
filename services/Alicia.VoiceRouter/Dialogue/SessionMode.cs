namespace Alicia.VoiceRouter.Dialogue;

/// <summary>The modes of <see cref="Alicia.Contracts.Voice.SessionStarted.Mode"/>.</summary>
public static class SessionMode
{
    public const string Voice = "voice";
    public const string Text = "text";
}
