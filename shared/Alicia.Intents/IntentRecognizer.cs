namespace Alicia.Intents;

/// <summary>
/// Recognizes intents in sentences, compiled from <see cref="IntentTemplates"/> and the current
/// slot lists. Immutable and safe to share between threads; compile a new one when a slot list
/// changes (for example when a device is added).
/// </summary>
public sealed class IntentRecognizer
{
    /// <summary>Confidence below which a fuzzy match is rejected unless told otherwise.</summary>
    public const double DefaultMinConfidence = 0.8;

    /// <summary>Sentences longer than this are never commands; they are rejected without searching.</summary>
    public const int MaxWords = 64;

    private readonly CompiledGraph _graph;
    private readonly ExampleSampler _sampler;
    private readonly Lazy<string> _jsgf;

    private IntentRecognizer(IntentTemplates templates, CompiledGraph graph, double minConfidence)
    {
        Templates = templates;
        _graph = graph;
        MinConfidence = minConfidence;
        _sampler = new ExampleSampler(graph);
        Words = UsableWords(graph, _sampler);
        _jsgf = new Lazy<string>(() => JsgfWriter.Write(templates, graph.Lists));
    }

    public IntentTemplates Templates { get; }

    /// <summary>A fuzzy match needs at least this confidence; exact matches have 1.</summary>
    public double MinConfidence { get; }

    /// <summary>Intent names, in template order.</summary>
    public IReadOnlyList<string> Intents => _graph.IntentNames;

    /// <summary>
    /// Every word of the sentences the recognizer accepts exactly (= the words of <see cref="ToJsgf"/>),
    /// sorted: a speech recognizer needs a pronunciation for each.
    /// </summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Compiles templates with the slot lists they use.</summary>
    /// <param name="templates">Parsed templates.</param>
    /// <param name="slotLists">
    /// Every slot list the templates use (see <see cref="IntentTemplates.SlotListNames"/>), by name
    /// without '$'; an empty list is fine and simply matches nothing.
    /// </param>
    /// <param name="minConfidence">Threshold for fuzzy matches, in (0, 1].</param>
    /// <exception cref="IntentTemplateException">A template uses a slot list that was not given.</exception>
    public static IntentRecognizer Compile(
        IntentTemplates templates,
        IReadOnlyDictionary<string, IReadOnlyList<SlotValue>> slotLists,
        double minConfidence = DefaultMinConfidence)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(slotLists);
        if (minConfidence is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minConfidence), minConfidence, "must be in (0, 1]");
        }

        return new IntentRecognizer(templates, GraphCompiler.Compile(templates, slotLists), minConfidence);
    }

    /// <summary>
    /// The intent of a sentence, or null when no template matches well enough. Exact matches
    /// (after normalizing case, punctuation and numbers) have confidence 1; otherwise small speech
    /// recognition errors are tolerated at a lower confidence, but never in slot values.
    /// </summary>
    public IntentMatch? Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SentenceNormalizer.Tokenize(text);
        if (tokens.Count == 0 || tokens.Count > MaxWords)
        {
            return null;
        }

        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _graph.Words.Find(tokens[i]);
        }

        var path = ExactMatcher.Match(_graph, ids);
        var confidence = 1.0;
        if (path is null)
        {
            // Budget: what the threshold allows for the words heard plus two words not heard.
            var maxCost = (float)((1 - MinConfidence) * (tokens.Count + 2));
            path = FuzzyMatcher.Match(_graph, tokens, ids, maxCost);
            if (path is null)
            {
                return null;
            }

            var templateWords = path.Steps.Count(s => s.Transition >= 0);
            confidence = Math.Clamp(1 - (path.Cost / Math.Max(tokens.Count, templateWords)), 0, 1);
            if (confidence < MinConfidence)
            {
                return null;
            }
        }

        var slots = SlotExtractor.Extract(_graph, tokens, path);
        return new IntentMatch(_graph.IntentNames[path.Final.Intent], slots, confidence, string.Join(' ', tokens));
    }

    /// <summary>
    /// The grammar as JSGF (<c>#JSGF V1.0; grammar alicia; public &lt;command&gt; = ...;</c>) with slot
    /// lists expanded to their current names and numbers as words, lower case only.
    /// </summary>
    public string ToJsgf() => _jsgf.Value;

    /// <summary>
    /// Example sentences of every intent with the slots they must yield: all of an intent's
    /// sentences when it has at most <paramref name="maxPerIntent"/>, else a random sample
    /// (the same for the same seed).
    /// </summary>
    public IEnumerable<IntentExample> Examples(int maxPerIntent = 20, int seed = 1) =>
        Intents.SelectMany(intent => Examples(intent, maxPerIntent, seed));

    /// <summary>Example sentences of one intent; see <see cref="Examples(int, int)"/>.</summary>
    public IEnumerable<IntentExample> Examples(string intent, int max = 20, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var index = Array.IndexOf(_graph.IntentNames, intent);
        if (index < 0)
        {
            throw new ArgumentException($"unknown intent '{intent}'", nameof(intent));
        }

        return _sampler.Examples(index, max, seed);
    }

    private static List<string> UsableWords(CompiledGraph graph, ExampleSampler sampler)
    {
        // Words on a path from the start to an end; a word that only follows an empty slot list
        // cannot be said and is not in the grammar either.
        var reachable = new bool[graph.StateCount];
        reachable[0] = true;
        var words = new SortedSet<string>(StringComparer.Ordinal);
        for (var state = 0; state < graph.StateCount; state++)
        {
            if (!reachable[state])
            {
                continue;
            }

            foreach (var transition in graph.TransitionsOf(state))
            {
                if (sampler.CanFinish(transition.Target))
                {
                    reachable[transition.Target] = true;
                    words.Add(graph.Words[transition.Word]);
                }
            }
        }

        return words.ToList();
    }
}
