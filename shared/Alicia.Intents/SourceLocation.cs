namespace Alicia.Intents;

/// <summary>Where a template or rule was written, for error messages.</summary>
internal sealed record SourceLocation(string FileName, int Line)
{
    public override string ToString() => $"{FileName}:{Line}";
}
