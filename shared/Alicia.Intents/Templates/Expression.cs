namespace Alicia.Intents;

/// <summary>A parsed piece of a sentence template.</summary>
internal abstract record Expression;
