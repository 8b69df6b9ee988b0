using System.Security.Cryptography;
using System.Text;

namespace Alicia.Stt.Recognition;

/// <summary>
/// A pronunciation dictionary with some words said differently from the stock one. pocketsphinx refuses to
/// add a word it already knows, and the keyphrase spotter uses a word's first pronunciation, so overriding
/// means writing a dictionary file: the overrides first, then the stock entries of every other word.
/// </summary>
/// <remarks>
/// The file is written once per content into the temporary directory (its name is a hash of the stock
/// dictionary and the overrides), atomically, so several services in one process or machine share it.
/// </remarks>
internal static class PronunciationDictionary
{
    public static string WithOverrides(string stockDictionary, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(stockDictionary);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return stockDictionary;
        }

        var words = overrides
            .Select(o => (Word: o.Key.Trim().ToLowerInvariant(), Phones: string.Join(' ', o.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            .OrderBy(o => o.Word, StringComparer.Ordinal)
            .ToList();
        foreach (var (word, phones) in words)
        {
            if (word.Length == 0 || word.Any(char.IsWhiteSpace) || phones.Length == 0)
            {
                throw new ArgumentException($"Pronunciation override '{word}' = '{phones}' needs one word and its phones.", nameof(overrides));
            }
        }

        var stock = new FileInfo(stockDictionary);
        var key = $"{stock.FullName}|{stock.Length}|{stock.LastWriteTimeUtc.Ticks}|" + string.Join('|', words.Select(w => $"{w.Word}={w.Phones}"));
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var directory = Path.Combine(Path.GetTempPath(), "alicia-stt");
        var path = Path.Combine(directory, $"dictionary-{name}.dict");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        var overridden = words.Select(w => w.Word).ToHashSet(StringComparer.Ordinal);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            foreach (var (word, phones) in words)
            {
                writer.Write(word);
                writer.Write(' ');
                writer.Write(phones);
                writer.Write('\n');
            }

            foreach (var line in File.ReadLines(stockDictionary))
            {
                if (!overridden.Contains(BaseWord(line)))
                {
                    writer.Write(line);
                    writer.Write('\n');
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The word of a dictionary line without its alternative marker: "read(2) R EH D" is "read".</summary>
    private static string BaseWord(string line)
    {
        var end = line.IndexOfAny([' ', '\t']);
        var word = end < 0 ? line : line[..end];
        var paren = word.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? word[..paren] : word;
    }
}
