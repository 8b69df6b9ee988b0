using System.Text;
using System.Text.RegularExpressions;

namespace Alicia.Intents.Tests;

/// <summary>
/// Reads back the subset of JSGF the recognizer writes (words, ( | ), [ ], rule references), to
/// check the grammar independently of the code that wrote it: match a sentence, or sample one.
/// </summary>
internal sealed class JsgfReader
{
    private readonly Dictionary<string, Node> _rules = new(StringComparer.Ordinal);
    private readonly Lazy<Regex> _regex;

    public JsgfReader(string jsgf)
    {
        var body = string.Join('\n', jsgf.Split('\n').Where(l => !l.StartsWith("#JSGF", StringComparison.Ordinal) && !l.StartsWith("grammar ", StringComparison.Ordinal)));
        foreach (var statement in body.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var equals = statement.IndexOf('=', StringComparison.Ordinal);
            var name = statement[..equals].Replace("public", string.Empty, StringComparison.Ordinal).Trim().Trim('<', '>');
            var tokens = Tokenize(statement[(equals + 1)..]);
            var position = 0;
            _rules[name] = ParseChoices(tokens, ref position);
            if (position != tokens.Count)
            {
                throw new FormatException($"unexpected '{tokens[position]}' in rule <{name}>");
            }
        }

        _regex = new Lazy<Regex>(() => new Regex("^" + ToRegex(new Reference("command")) + "$", RegexOptions.CultureInvariant));
    }

    public IReadOnlyCollection<string> RuleNames => _rules.Keys;

    public bool Accepts(string sentence) => _regex.Value.IsMatch(sentence + " ");

    public string Sample(Random random)
    {
        var words = new List<string>();
        Sample(new Reference("command"), random, words);
        return string.Join(' ', words);
    }

    /// <summary>Every sentence of the grammar (for small grammars only: stops with an error beyond <paramref name="limit"/>).</summary>
    public IReadOnlyList<string> Sentences(int limit = 100_000)
    {
        var sentences = Expand(new Reference("command"), limit).Select(words => string.Join(' ', words)).ToList();
        return sentences;
    }

    private List<List<string>> Expand(Node node, int limit)
    {
        List<List<string>> result = node switch
        {
            Word word => [[word.Text]],
            Sequence sequence => sequence.Items.Aggregate(
                new List<List<string>> { new() },
                (prefixes, item) => [.. prefixes.SelectMany(p => Expand(item, limit).Select(e => (List<string>)[.. p, .. e]))]),
            Choice choice => [.. choice.Choices.SelectMany(c => Expand(c, limit))],
            Optional optional => [[], .. Expand(optional.Inner, limit)],
            Reference reference => Expand(_rules[reference.Name], limit),
            _ => throw new InvalidOperationException(),
        };
        if (result.Count > limit)
        {
            throw new InvalidOperationException($"more than {limit} sentences");
        }

        return result;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ("()[]|".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '<')
            {
                var end = text.IndexOf('>', i);
                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !"()[]|<".Contains(text[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static Node ParseChoices(List<string> tokens, ref int position)
    {
        var choices = new List<Node> { ParseSequence(tokens, ref position) };
        while (position < tokens.Count && tokens[position] == "|")
        {
            position++;
            choices.Add(ParseSequence(tokens, ref position));
        }

        return choices.Count == 1 ? choices[0] : new Choice(choices);
    }

    private static Sequence ParseSequence(List<string> tokens, ref int position)
    {
        var items = new List<Node>();
        while (position < tokens.Count && tokens[position] is not ("|" or ")" or "]"))
        {
            var token = tokens[position++];
            switch (token)
            {
                case "(":
                    items.Add(ParseChoices(tokens, ref position));
                    Expect(tokens, ref position, ")");
                    break;
                case "[":
                    items.Add(new Optional(ParseChoices(tokens, ref position)));
                    Expect(tokens, ref position, "]");
                    break;
                default:
                    items.Add(token.StartsWith('<') ? new Reference(token.Trim('<', '>')) : new Word(token));
                    break;
            }
        }

        if (items.Count == 0)
        {
            throw new FormatException("empty alternative");
        }

        return new Sequence(items);
    }

    private static void Expect(List<string> tokens, ref int position, string expected)
    {
        if (position >= tokens.Count || tokens[position] != expected)
        {
            throw new FormatException($"expected '{expected}'");
        }

        position++;
    }

    private string ToRegex(Node node) => node switch
    {
        Word word => Regex.Escape(word.Text + " "),
        Sequence sequence => string.Concat(sequence.Items.Select(ToRegex)),
        Choice choice => "(?:" + string.Join('|', choice.Choices.Select(ToRegex)) + ")",
        Optional optional => "(?:" + ToRegex(optional.Inner) + ")?",
        Reference reference => ToRegex(_rules[reference.Name]),
        _ => throw new InvalidOperationException(),
    };

    private void Sample(Node node, Random random, List<string> words)
    {
        switch (node)
        {
            case Word word:
                words.Add(word.Text);
                break;
            case Sequence sequence:
                foreach (var item in sequence.Items)
                {
                    Sample(item, random, words);
                }

                break;
            case Choice choice:
                Sample(choice.Choices[random.Next(choice.Choices.Count)], random, words);
                break;
            case Optional optional:
                if (random.Next(2) == 0)
                {
                    Sample(optional.Inner, random, words);
                }

                break;
            case Reference reference:
                Sample(_rules[reference.Name], random, words);
                break;
        }
    }

    private abstract record Node;

    private sealed record Word(string Text) : Node;

    private sealed record Sequence(IReadOnlyList<Node> Items) : Node;

    private sealed record Choice(IReadOnlyList<Node> Choices) : Node;

    private sealed record Optional(Node Inner) : Node;

    private sealed record Reference(string Name) : Node;
}
