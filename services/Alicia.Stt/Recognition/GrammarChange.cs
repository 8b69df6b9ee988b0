namespace Alicia.Stt.Recognition;

/// <summary>The outcome of switching grammars: what the decoders now use and which words had to be left out.</summary>
/// <param name="Version">The grammar's version as its publisher named it.</param>
/// <param name="MissingWords">Words without a pronunciation; the alternatives using them cannot be recognized.</param>
public sealed record GrammarChange(string Version, IReadOnlyList<string> MissingWords);
