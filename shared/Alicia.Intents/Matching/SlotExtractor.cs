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
        var state = new SlotExtraction(graph, tokens);
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
}
