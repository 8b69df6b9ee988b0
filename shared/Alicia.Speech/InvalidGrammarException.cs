namespace Alicia.Speech;

/// <summary>A JSGF grammar could not be used: it does not parse, or it names words the decoder cannot pronounce.</summary>
public sealed class InvalidGrammarException : ArgumentException
{
    public InvalidGrammarException()
    {
    }

    public InvalidGrammarException(string message)
        : base(message)
    {
    }

    public InvalidGrammarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidGrammarException(string message, IReadOnlyList<string> missingWords)
        : base(message)
    {
        MissingWords = missingWords;
    }

    /// <summary>Words of the grammar that are not in the pronunciation dictionary.</summary>
    public IReadOnlyList<string> MissingWords { get; } = [];
}
