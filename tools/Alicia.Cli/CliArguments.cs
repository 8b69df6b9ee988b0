namespace Alicia.Cli;

/// <summary>
/// The words after the verb: positionals and <c>--name value</c> / <c>--flag</c> options.
/// Small on purpose: every verb has a handful of options and the help text lists them.
/// </summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = ["--json", "--help", "-h", "--raw", "--fast", "--no-color", "--wait"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        using var word = words.GetEnumerator();
        while (word.MoveNext())
        {
            var current = word.Current;
            if (Flags.Contains(current))
            {
                _flags.Add(current == "-h" ? "--help" : current);
            }
            else if (current.StartsWith("--", StringComparison.Ordinal))
            {
                if (!word.MoveNext())
                {
                    throw CliException.Usage($"{current} needs a value");
                }

                _options[current] = word.Current;
            }
            else
            {
                Positionals.Add(current);
            }
        }
    }

    public List<string> Positionals { get; } = [];

    public bool Json => Has("--json");

    public bool Help => Has("--help");

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public double Number(string name, double fallback)
    {
        var text = Option(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw CliException.Usage($"{name} expects a number, not '{text}'");
    }

    public string Positional(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw CliException.Usage($"missing {what}");

    /// <summary>Refuses options the verb does not know, so a typo is not silently ignored.</summary>
    public void Allow(params string[] names)
    {
        var unknown = _options.Keys.FirstOrDefault(k => !names.Contains(k));
        if (unknown is not null)
        {
            throw CliException.Usage($"unknown option {unknown}");
        }
    }
}
