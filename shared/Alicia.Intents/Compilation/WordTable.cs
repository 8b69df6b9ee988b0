namespace Alicia.Intents;

/// <summary>Interns words and strings to small integers so matching compares ints.</summary>
internal sealed class WordTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    public int Count => _words.Count;

    public IReadOnlyList<string> Words => _words;

    public int Intern(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _words.Count;
            _ids.Add(word, id);
            _words.Add(word);
        }

        return id;
    }

    public int Find(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    public string this[int id] => _words[id];
}
