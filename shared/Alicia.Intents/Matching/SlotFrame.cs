namespace Alicia.Intents;

/// <summary>One open marker while slots are rebuilt: the words and values collected inside it.</summary>
internal sealed class SlotFrame(MarkerKind kind, int argument, int slotIndex)
{
    public MarkerKind Kind { get; } = kind;

    public int Argument { get; } = argument;

    public int SlotIndex { get; } = slotIndex;

    public List<string> Words { get; } = [];

    public List<string> Outputs { get; } = [];

    public int FirstToken { get; set; } = -1;

    public int LastToken { get; set; } = -1;
}
