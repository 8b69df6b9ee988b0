namespace Alicia.Intents;

/// <summary>
/// A number range as compact JSGF: the smallest word automaton that accepts exactly the spoken numbers of the range,
/// written with shared tails, e.g. 1..100 as
/// <c>( one [ hundred ] | two | ... | nineteen | ( twenty | ... | ninety ) [ one | ... | nine ] )</c>.
/// </summary>
/// <remarks>
/// Written as 100 separate alternatives, the range makes pocketsphinx search a path per number ("twenty one",
/// "twenty two", ... each with its own copy of "twenty"), and the default intents have five such ranges: they were
/// most of the search graph and most of the decoding time. The minimal automaton shares every common beginning and
/// ending, so a tens word is searched once and the unit words after it once.
/// </remarks>
internal static class NumberGrammar
{
    /// <summary>
    /// The rules for the numbers <paramref name="min"/>..<paramref name="max"/>: the first is named
    /// <paramref name="name"/>, the others (shared parts) <paramref name="name"/>_1, _2, ...
    /// </summary>
    public static IReadOnlyList<(string Name, string Body)> Rules(string name, int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        var automaton = new WordAutomaton();
        for (var n = min; n <= max; n++)
        {
            var state = automaton.Start;
            foreach (var word in NumberWords.ToWords(n))
            {
                var next = automaton.AddState();
                automaton.AddWord(state, word, next);
                state = next;
            }

            automaton.MarkFinal(state);
        }

        // A range of at most 10,000 numbers has far fewer distinct states than the default limit.
        return automaton.ToJsgfRules(name, int.MaxValue)
            ?? throw new InvalidOperationException($"the range {min}..{max} says nothing");
    }
}
