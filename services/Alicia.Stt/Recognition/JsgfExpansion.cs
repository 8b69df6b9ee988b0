using System.Text;

namespace Alicia.Stt.Recognition;

/// <summary>The right-hand side of a JSGF rule as a tree, enough to drop what cannot be said and write the rest back.</summary>
internal abstract record JsgfExpansion
{
    /// <summary>A spoken token: a word, or a quoted phrase of several words.</summary>
    internal sealed record Token(string Text, bool Quoted) : JsgfExpansion;

    internal sealed record RuleReference(string Name) : JsgfExpansion;

    /// <summary>Alternatives, each a sequence with an optional weight such as "/10/".</summary>
    internal sealed record Choice(IReadOnlyList<(string? Weight, JsgfExpansion Sequence)> Branches) : JsgfExpansion;

    internal sealed record Sequence(IReadOnlyList<JsgfExpansion> Items) : JsgfExpansion;

    /// <summary>"( ... )" when <see cref="Optional"/> is false, "[ ... ]" when it is true.</summary>
    internal sealed record Group(JsgfExpansion Inner, bool Optional) : JsgfExpansion;

    /// <summary>An item followed by "*", "+" or a tag such as "{on}".</summary>
    internal sealed record Suffixed(JsgfExpansion Inner, string Suffix) : JsgfExpansion;

    internal static string Write(JsgfExpansion expansion)
    {
        var text = new StringBuilder();
        Append(expansion, text);
        return text.ToString();
    }

    private static void Append(JsgfExpansion expansion, StringBuilder text)
    {
        switch (expansion)
        {
            case Token { Quoted: true } token:
                text.Append('"').Append(token.Text).Append('"');
                break;
            case Token token:
                text.Append(token.Text);
                break;
            case RuleReference reference:
                text.Append('<').Append(reference.Name).Append('>');
                break;
            case Choice choice:
                for (var i = 0; i < choice.Branches.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(" | ");
                    }

                    if (choice.Branches[i].Weight is { } weight)
                    {
                        text.Append('/').Append(weight).Append("/ ");
                    }

                    Append(choice.Branches[i].Sequence, text);
                }

                break;
            case Sequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(' ');
                    }

                    Append(sequence.Items[i], text);
                }

                break;
            case Group group:
                text.Append(group.Optional ? "[ " : "( ");
                Append(group.Inner, text);
                text.Append(group.Optional ? " ]" : " )");
                break;
            case Suffixed suffixed:
                Append(suffixed.Inner, text);
                text.Append(suffixed.Suffix.StartsWith('{') ? " " : string.Empty).Append(suffixed.Suffix);
                break;
        }
    }
}
