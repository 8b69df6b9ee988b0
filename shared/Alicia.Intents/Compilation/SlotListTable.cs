namespace Alicia.Intents;

/// <summary>A slot list as compiled: normalized spoken names and the value each one reports.</summary>
internal sealed class SlotListTable
{
    public SlotListTable(string name, IReadOnlyList<SlotValue> values)
    {
        Name = name;
        var entries = new List<(IReadOnlyList<string> Words, string Value)>();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var words = SentenceNormalizer.Tokenize(value.Name);
            if (words.Count == 0)
            {
                throw new ArgumentException($"slot list ${name} has an entry without words: '{value.Name}'", nameof(values));
            }

            // The first entry with a name wins, so a registry listing a device twice stays usable.
            if (byName.TryAdd(string.Join(' ', words), value.Value))
            {
                entries.Add((words, value.Value));
            }
        }

        Entries = entries;
        ValueByName = byName;
    }

    public string Name { get; }

    public IReadOnlyList<(IReadOnlyList<string> Words, string Value)> Entries { get; }

    /// <summary>Value for a spoken name (words joined by single spaces).</summary>
    public IReadOnlyDictionary<string, string> ValueByName { get; }
}
