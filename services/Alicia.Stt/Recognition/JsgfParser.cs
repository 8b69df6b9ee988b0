using System.Text;

namespace Alicia.Stt.Recognition;

/// <summary>A recursive-descent parser for the right-hand side of one JSGF rule.</summary>
internal sealed class JsgfParser(string text)
{
    private int _position;

    /// <exception cref="FormatException">The text is not a JSGF expansion.</exception>
    public JsgfExpansion ParseAll()
    {
        var expansion = ParseChoice();
        SkipSpace();
        if (_position < text.Length)
        {
            throw Error($"unexpected '{text[_position]}'");
        }

        return expansion;
    }

    private JsgfExpansion ParseChoice()
    {
        var branches = new List<(string?, JsgfExpansion)>();
        do
        {
            SkipSpace();
            string? weight = null;
            if (Peek() == '/')
            {
                weight = ReadDelimited('/', '/');
            }

            branches.Add((weight, ParseSequence()));
            SkipSpace();
        }
        while (TryTake('|'));

        return branches.Count == 1 && branches[0].Item1 is null ? branches[0].Item2 : new JsgfExpansion.Choice(branches);
    }

    private JsgfExpansion.Sequence ParseSequence()
    {
        var items = new List<JsgfExpansion>();
        while (true)
        {
            SkipSpace();
            var next = Peek();
            if (next is null or '|' or ')' or ']')
            {
                break;
            }

            items.Add(ParseSuffixes(ParseAtom()));
        }

        if (items.Count == 0)
        {
            throw Error("an alternative is empty");
        }

        return new JsgfExpansion.Sequence(items);
    }

    private JsgfExpansion ParseAtom()
    {
        var next = Peek();
        switch (next)
        {
            case '(':
            case '[':
                _position++;
                var inner = ParseChoice();
                SkipSpace();
                var close = next == '(' ? ')' : ']';
                if (!TryTake(close))
                {
                    throw Error($"'{next}' is not closed");
                }

                return new JsgfExpansion.Group(inner, Optional: next == '[');
            case '<':
                return new JsgfExpansion.RuleReference(ReadDelimited('<', '>'));
            case '"':
                return new JsgfExpansion.Token(ReadDelimited('"', '"'), Quoted: true);
            default:
                var word = new StringBuilder();
                while (Peek() is { } c && !char.IsWhiteSpace(c) && "()[]<>|*+{}/\";=".IndexOf(c, StringComparison.Ordinal) < 0)
                {
                    word.Append(c);
                    _position++;
                }

                if (word.Length == 0)
                {
                    throw Error($"unexpected '{next}'");
                }

                return new JsgfExpansion.Token(word.ToString(), Quoted: false);
        }
    }

    private JsgfExpansion ParseSuffixes(JsgfExpansion atom)
    {
        while (true)
        {
            SkipSpace();
            switch (Peek())
            {
                case '*':
                case '+':
                    atom = new JsgfExpansion.Suffixed(atom, text[_position++].ToString());
                    break;
                case '{':
                    atom = new JsgfExpansion.Suffixed(atom, "{" + ReadDelimited('{', '}') + "}");
                    break;
                default:
                    return atom;
            }
        }
    }

    private string ReadDelimited(char open, char close)
    {
        if (!TryTake(open))
        {
            throw Error($"expected '{open}'");
        }

        var end = text.IndexOf(close, _position);
        if (end < 0)
        {
            throw Error($"'{open}' is not closed");
        }

        var content = text[_position..end];
        _position = end + 1;
        return content;
    }

    private char? Peek() => _position < text.Length ? text[_position] : null;

    private bool TryTake(char c)
    {
        if (Peek() == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private FormatException Error(string problem) => new($"JSGF rule body at character {_position}: {problem}");
}
