namespace Alicia.Intents;

/// <summary>
/// Rebuilds the slots of a matched path from its markers: raw values from the words heard inside
/// each tag, values from the template words (so a corrected word yields the right value) with
/// substitutions applied, numbers turned into digits and slot list names into their values.
/// </summary>
internal static class SlotExtractor
{
    public static IReadOnlyList<SlotMatch> Extract(CompiledGraph graph, IReadOnlyList<string> tokens, MatchPath path)
    {
        var state = new ExtractionState(graph, tokens);
        foreach (var step in path.Steps)
        {
            if (step.Transition < 0)
            {
                continue; // an extra word heard: inside a tag it still shows in the raw value's span
            }

            var transition = graph.Transitions[step.Transition];
            state.Apply(graph.MarkersOf(transition));
            state.AddWord(graph.Words[transition.Word], transition.Output, step.Token);
        }

        state.Apply(graph.MarkersOf(path.Final));
        return state.Slots();
    }

    /// <summary>The words of a path as the templates spell them (for examples).</summary>
    public static string TemplateWords(CompiledGraph graph, IEnumerable<AlignmentStep> steps) =>
        string.Join(' ', steps.Where(s => s.Transition >= 0).Select(s => graph.Words[graph.Transitions[s.Transition].Word]));

    private sealed class ExtractionState(CompiledGraph graph, IReadOnlyList<string> tokens)
    {
        private readonly List<Frame> _stack = [new Frame(MarkerKind.TagOpen, -1, -1)];
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
                        _stack.Add(new Frame(marker.Kind, marker.Argument, _slots.Count - 1));
                        break;
                    case MarkerKind.SubstitutionOpen:
                        Emit(graph.Strings[marker.Argument]);
                        _substitutionDepth++;
                        _stack.Add(new Frame(marker.Kind, marker.Argument, -1));
                        break;
                    case MarkerKind.NumberOpen:
                    case MarkerKind.ListOpen:
                        _stack.Add(new Frame(marker.Kind, marker.Argument, -1));
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

    private sealed class Frame(MarkerKind kind, int argument, int slotIndex)
    {
        public MarkerKind Kind { get; } = kind;

        public int Argument { get; } = argument;

        public int SlotIndex { get; } = slotIndex;

        public List<string> Words { get; } = [];

        public List<string> Outputs { get; } = [];

        public int FirstToken { get; set; } = -1;

        public int LastToken { get; set; } = -1;
    }
}
