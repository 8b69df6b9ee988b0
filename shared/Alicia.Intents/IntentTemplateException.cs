namespace Alicia.Intents;

/// <summary>A template file that cannot be used, with the place of the mistake.</summary>
public sealed class IntentTemplateException : Exception
{
    public IntentTemplateException()
    {
    }

    public IntentTemplateException(string message)
        : base(message)
    {
    }

    public IntentTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal IntentTemplateException(SourceLocation location, string problem)
        : base($"{location}: {problem}")
    {
        FileName = location.FileName;
        LineNumber = location.Line;
        Problem = problem;
    }

    /// <summary>File the mistake is in (as given to Parse, or the file name for Load).</summary>
    public string? FileName { get; }

    /// <summary>1-based line number of the mistake.</summary>
    public int LineNumber { get; }

    /// <summary>The mistake without its location.</summary>
    public string? Problem { get; }
}
