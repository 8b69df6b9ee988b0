namespace Alicia.Bus.Tests.Support;

/// <summary>A small payload for tests.</summary>
public sealed record Note(string Text, int Number = 0);
