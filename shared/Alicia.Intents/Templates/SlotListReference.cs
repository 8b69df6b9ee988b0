namespace Alicia.Intents;

/// <summary><c>$name</c>: any entry of a slot list supplied when the recognizer is compiled.</summary>
internal sealed record SlotListReference(string Name, SourceLocation Location) : Expression;
