namespace Alicia.VoiceRouter.Dialogue;

public enum DialogueStage
{
    /// <summary>Waiting for the STT's transcript of what the person says.</summary>
    Listening,

    /// <summary>Waiting for the AI's response.</summary>
    Thinking,

    /// <summary>Waiting for the TTS to have spoken the reply.</summary>
    Speaking,
}
