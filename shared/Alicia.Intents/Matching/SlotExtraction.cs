namespace Alicia.Intents;

/// <summary>The open tags, substitutions, numbers and lists while walking a matched path.</summary>
internal sealed class SlotExtraction(CompiledGraph graph, IReadOnlyList<string> tokens)
{
    private readonly List<SlotFrame> _stack = [new SlotFrame(MarkerKind.TagOpen, -1, -1)];
    private readonly List<SlotMatch?> _slots = [];
    private int _substitutionDepth;

    public void Apply(ReadOnlySpan<Marker> markers)
    {
        foreach (var marker in markers)
        {
            switch (marker.Kind)
            {
                case MarkerKind.TagOpen:
                    _slots.Add(null);
                    _stack.Add(new SlotFrame(marker.Kind, marker.Argument, _slots.Count - 1));
                    break;
                case MarkerKind.SubstitutionOpen:
                    Emit(graph.Strings[marker.Argument]);
                    _substitutionDepth++;
                    _stack.Add(new SlotFrame(marker.Kind, marker.Argument, -1));
                    break;
                case MarkerKind.NumberOpen:
                case MarkerKind.ListOpen:
                    _stack.Add(new SlotFrame(marker.Kind, marker.Argument, -1));
                    break;
                default:
                    Close();
                    break;
            }
        }
    }

    public void AddWord(string word, string? output, int token)
    {
        foreach (var frame in _stack)
        {
            frame.Words.Add(word);
            if (token >= 0)
            {
                frame.FirstToken = frame.FirstToken < 0 ? token : frame.FirstToken;
                frame.LastToken = token;
            }
        }

        Emit(output ?? word);
    }

    public List<SlotMatch> Slots() =>
        _slots.Where(s => s is not null && (s.RawValue.Length > 0 || s.Value.Length > 0)).Select(s => s!).ToList();

    private void Close()
    {
        var frame = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        switch (frame.Kind)
        {
            case MarkerKind.TagOpen:
                var raw = frame.FirstToken >= 0
                    ? string.Join(' ', tokens.Skip(frame.FirstToken).Take(frame.LastToken - frame.FirstToken + 1))
                    : string.Join(' ', frame.Words);
                var value = string.Join(' ', frame.Outputs);
                _slots[frame.SlotIndex] = new SlotMatch(graph.Strings[frame.Argument], raw, value);
                foreach (var output in frame.Outputs)
                {
                    Emit(output);
                }

                break;
            case MarkerKind.SubstitutionOpen:
                _substitutionDepth--;
                break;
            case MarkerKind.NumberOpen:
                Emit(NumberWords.TryParse(frame.Words, out var number)
                    ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : string.Join(' ', frame.Words));
                break;
            case MarkerKind.ListOpen:
                var name = string.Join(' ', frame.Words);
                Emit(graph.Lists[frame.Argument].ValueByName.TryGetValue(name, out var listValue) ? listValue : name);
                break;
        }
    }

    // Values flow to the innermost open frame unless a substitution already stands for them.
    private void Emit(string output)
    {
        if (_substitutionDepth == 0 && output.Length > 0)
        {
            _stack[^1].Outputs.Add(output);
        }
    }
}
