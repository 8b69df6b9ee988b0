namespace Alicia.DeviceRegistry.Templates;

/// <summary>Reads one Jinja expression left to right.</summary>
internal sealed class TemplateCursor(string text)
{
    private int _at;

    public bool AtEnd => _at >= text.Length;

    public void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(text[_at]))
        {
            _at++;
        }
    }

    public bool Peek(char c) => !AtEnd && text[_at] == c;

    public bool TryRead(char c)
    {
        if (!Peek(c))
        {
            return false;
        }

        _at++;
        return true;
    }

    public string? ReadIdentifier()
    {
        var start = _at;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
        {
            _at++;
        }

        return _at > start && !char.IsAsciiDigit(text[start]) ? text[start.._at] : Reset(start);
    }

    public string? ReadQuoted()
    {
        if (AtEnd || text[_at] is not ('\'' or '"'))
        {
            return null;
        }

        var quote = text[_at];
        var end = text.IndexOf(quote, _at + 1);
        if (end < 0)
        {
            return null;
        }

        var value = text[(_at + 1)..end];
        _at = end + 1;
        return value;
    }

    public string? ReadNumber()
    {
        var start = _at;
        if (!AtEnd && text[_at] == '-')
        {
            _at++;
        }

        while (!AtEnd && (char.IsAsciiDigit(text[_at]) || text[_at] == '.'))
        {
            _at++;
        }

        return _at > start && char.IsAsciiDigit(text[_at - 1]) ? text[start.._at] : Reset(start);
    }

    private string? Reset(int position)
    {
        _at = position;
        return null;
    }
}
