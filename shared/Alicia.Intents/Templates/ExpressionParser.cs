using System.Globalization;

namespace Alicia.Intents;

/// <summary>
/// Recursive-descent parser for one template or rule body, e.g.
/// <c>set [the] ($light){device} to (1..100){brightness} [percent]</c>.
/// </summary>
internal sealed class ExpressionParser
{
    // Ranges are compiled into word graphs, so their size is bounded to keep graphs small.
    internal const int MaxRangeSize = 10_000;

    private readonly string _text;
    private readonly SourceLocation _location;
    private readonly int _firstColumn;
    private int _position;

    private ExpressionParser(string text, SourceLocation location, int firstColumn)
    {
        _text = text;
        _location = location;
        _firstColumn = firstColumn;
    }

    /// <param name="text">The template text (without comment).</param>
    /// <param name="location">File and line, for errors.</param>
    /// <param name="firstColumn">1-based column of text[0] in the line, for errors.</param>
    public static Expression Parse(string text, SourceLocation location, int firstColumn)
    {
        var parser = new ExpressionParser(text, location, firstColumn);
        var expression = parser.ParseChoices(closing: null, openedAt: -1);
        if (IsEmpty(expression))
        {
            throw parser.Error("empty template");
        }

        return expression;
    }

    internal static bool IsValidName(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsEmpty(Expression expression) =>
        expression is SequenceExpression { Items.Count: 0 };

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || c == '\'';

    private static bool EndsSubstitutionValue(char c) => char.IsWhiteSpace(c) || "()[]|{}<>".Contains(c, StringComparison.Ordinal);

    private static Expression AsSequence(List<Expression> items) => items.Count == 1 ? items[0] : new SequenceExpression(items);

    private Expression ParseChoices(char? closing, int openedAt)
    {
        var choices = new List<Expression>();
        var items = new List<Expression>();
        while (true)
        {
            SkipSpaces();
            if (_position >= _text.Length)
            {
                if (closing is { } expected)
                {
                    throw Error($"'{Opening(expected)}' at column {Column(openedAt)} is never closed with '{expected}'", openedAt);
                }

                break;
            }

            var c = _text[_position];
            if (c == '|')
            {
                choices.Add(AsSequence(items));
                items = [];
                _position++;
                continue;
            }

            if (c is ')' or ']')
            {
                if (closing == c)
                {
                    _position++;
                    break;
                }

                throw closing is { } other
                    ? Error($"'{c}' closes '{Opening(other)}' at column {Column(openedAt)}, which needs '{other}'")
                    : Error($"'{c}' without a matching '{Opening(c)}'");
            }

            items.Add(ParseItem());
        }

        choices.Add(AsSequence(items));
        return choices.Count == 1 ? choices[0] : new AlternativesExpression(choices);
    }

    private static char Opening(char closing) => closing == ')' ? '(' : '[';

    private Expression ParseItem()
    {
        var start = _position;
        var c = _text[_position];
        Expression atom;
        var canSubstitute = false;
        switch (c)
        {
            case '(':
                _position++;
                atom = ParseChoices(')', start);
                if (IsEmpty(atom))
                {
                    throw Error("empty group '()'", start);
                }

                canSubstitute = true;
                break;
            case '[':
                _position++;
                var optional = ParseChoices(']', start);
                if (IsEmpty(optional))
                {
                    throw Error("empty optional '[]'", start);
                }

                atom = new AlternativesExpression([optional, SequenceExpression.Empty]);
                break;
            case '<':
                atom = new RuleReference(ReadDelimitedName('<', '>', "rule"), _location);
                break;
            case '$':
                _position++;
                var list = ReadName();
                if (list.Length == 0)
                {
                    throw Error("'$' must be followed by a slot list name, e.g. $device", start);
                }

                atom = new SlotListReference(list, _location);
                break;
            case '{':
                throw Error("a tag '{name}' must follow the words it names without a space, e.g. (on | off){state}");
            case ':':
                throw Error("a substitution ':value' must follow a word or a group, e.g. half:50 or (half an hour):30");
            default:
                if (char.IsAsciiDigit(c))
                {
                    atom = ParseNumber();
                }
                else if (IsWordCharacter(c))
                {
                    atom = ParseWord();
                }
                else
                {
                    throw Error($"unexpected character '{c}'");
                }

                break;
        }

        return ParsePostfix(atom, canSubstitute);
    }

    private Expression ParsePostfix(Expression atom, bool canSubstitute)
    {
        while (_position < _text.Length)
        {
            if (_text[_position] == ':' && canSubstitute)
            {
                _position++;
                atom = new SubstitutedExpression(atom, ReadSubstitutionValue());
                canSubstitute = false;
                continue;
            }

            if (_text[_position] == '{')
            {
                atom = new TaggedExpression(atom, ReadDelimitedName('{', '}', "slot"));
                canSubstitute = false;
                continue;
            }

            if (_text[_position] == ':')
            {
                throw Error("a substitution ':value' must follow a word or a group, e.g. half:50 or (half an hour):30");
            }

            break;
        }

        return atom;
    }

    private WordExpression ParseWord()
    {
        var start = _position;
        while (_position < _text.Length && IsWordCharacter(_text[_position]))
        {
            _position++;
        }

        if (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            throw Error("a word cannot contain digits; write numbers as words or as a range like 1..10", start);
        }

        var word = _text[start.._position].ToLowerInvariant();
        if (word.StartsWith('\'') || word.EndsWith('\''))
        {
            throw Error($"'{word}': an apostrophe is only allowed inside a word, as in what's", start);
        }

        string? substitution = null;
        if (_position < _text.Length && _text[_position] == ':')
        {
            _position++;
            substitution = ReadSubstitutionValue();
        }

        return new WordExpression(word, substitution);
    }

    private NumberRangeExpression ParseNumber()
    {
        var start = _position;
        var min = ReadInteger();
        var max = min;
        if (_position + 1 < _text.Length && _text[_position] == '.' && _text[_position + 1] == '.')
        {
            _position += 2;
            if (_position >= _text.Length || !char.IsAsciiDigit(_text[_position]))
            {
                throw Error("a range needs two numbers, e.g. 1..60", start);
            }

            max = ReadInteger();
        }

        if (_position < _text.Length && (IsWordCharacter(_text[_position]) || _text[_position] == '.'))
        {
            throw Error("a number must stand alone or be a range like 1..60", start);
        }

        if (min > max)
        {
            throw Error($"range {min}..{max} is empty: the first number must not be bigger than the second", start);
        }

        if (max - min >= MaxRangeSize)
        {
            throw Error($"range {min}..{max} is too big (at most {MaxRangeSize} numbers)", start);
        }

        return new NumberRangeExpression(min, max);
    }

    private int ReadInteger()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (!int.TryParse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > 1_000_000_000)
        {
            throw Error("number too big", start);
        }

        return value;
    }

    private string ReadSubstitutionValue()
    {
        var start = _position;
        while (_position < _text.Length && !EndsSubstitutionValue(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private string ReadName()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private string ReadDelimitedName(char open, char close, string what)
    {
        var start = _position;
        _position++;
        var end = _text.IndexOf(close, _position);
        if (end < 0)
        {
            throw Error($"'{open}' at column {Column(start)} is never closed with '{close}'", start);
        }

        var name = _text[_position..end].Trim();
        if (!IsValidName(name))
        {
            throw Error($"'{name}' is not a valid {what} name (letters, digits and _, not starting with a digit)", start);
        }

        _position = end + 1;
        return name;
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private int Column(int index) => _firstColumn + index;

    private IntentTemplateException Error(string problem, int at = -1) =>
        new(_location, $"column {Column(at < 0 ? _position : at)}: {problem}");
}
