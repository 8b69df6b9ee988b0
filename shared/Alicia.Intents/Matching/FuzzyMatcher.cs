namespace Alicia.Intents;

/// <summary>
/// Cheapest alignment of the heard words with any template path, allowing words to be replaced,
/// skipped or added at the prices of <see cref="EditCosts"/>. A search node is (state, words
/// consumed). The search is A*: the cost so far plus a lower bound of what is left, which is
/// the cheapest way to deal with each remaining heard word the grammar does not know, plus the
/// template words that must be skipped because fewer heard words remain than the shortest way to
/// an end needs. Nodes whose bound exceeds what the confidence threshold allows are never queued,
/// so a sentence of unknown words is rejected before searching at all.
/// </summary>
internal static class FuzzyMatcher
{

    public static MatchPath? Match(CompiledGraph graph, IReadOnlyList<string> tokens, int[] tokenIds, float maxCost)
    {
        var n = tokens.Count;
        var width = n + 1;
        var vocabulary = graph.Words.Count;
        var scratch = FuzzyScratch.For(graph.StateCount * width, vocabulary * Math.Max(n, 1), width);
        var generation = scratch.Generation;
        var distances = scratch.SubstitutionCost;
        var distanceStamp = scratch.SubstitutionStamp;

        var heard = scratch.HeardWords;
        for (var position = 0; position < n; position++)
        {
            heard[position].SetHeard(tokens[position]);
        }

        float Distance(int position, int word)
        {
            var memo = (position * vocabulary) + word;
            if (distanceStamp[memo] != generation)
            {
                distanceStamp[memo] = generation;
                var expected = graph.Words[word];
                var longer = Math.Max(1, Math.Max(expected.Length, tokens[position].Length));
                distances[memo] = (float)heard[position].To(expected) / longer;
            }

            return distances[memo];
        }

        // remaining[i]: least the heard words i.. can cost. A known word may match for free; an
        // unknown one must be replaced or skipped as extra, whichever is cheaper.
        var remaining = scratch.RemainingCost;
        remaining[n] = 0;
        for (var position = n - 1; position >= 0; position--)
        {
            var least = 0f;
            if (tokenIds[position] < 0)
            {
                least = EditCosts.Insertion(tokens[position]);
                for (var word = 0; word < vocabulary && least > 0.2f; word++)
                {
                    least = Math.Min(least, EditCosts.Substitution(Distance(position, word)));
                }
            }

            remaining[position] = remaining[position + 1] + least;
        }

        if (remaining[0] > maxCost)
        {
            return null;
        }

        var search = new FuzzySearch(graph, scratch, remaining, n, maxCost);
        search.Relax(0, 0, -1, -1, consumed: false);
        while (search.TryNext(out var key, out var current))
        {
            var state = key / width;
            var position = key % width;
            if (position == n)
            {
                var finals = graph.FinalsOf(state);
                if (finals.Length > 0)
                {
                    return new MatchPath(Backtrack(scratch, key, width), finals[0], current);
                }
            }

            if (position < n)
            {
                search.Relax(key + 1, current + EditCosts.Insertion(tokens[position]), key, -1, consumed: false);
            }

            var first = graph.TransitionStart[state];
            var transitions = graph.TransitionsOf(state);
            for (var i = 0; i < transitions.Length; i++)
            {
                var transition = transitions[i];
                var targetKey = transition.Target * width;
                var skip = EditCosts.Deletion(graph.Words[transition.Word], transition.Protected);
                if (skip != EditCosts.Forbidden)
                {
                    search.Relax(targetKey + position, current + skip, key, first + i, consumed: false);
                }

                // A different word costs at least 0.2: skip the spelling comparison when even that is too much.
                if (position < n && (transition.Word == tokenIds[position] || current + 0.2f + remaining[position + 1] <= maxCost))
                {
                    float price;
                    if (transition.Word == tokenIds[position])
                    {
                        price = 0;
                    }
                    else
                    {
                        var distance = Distance(position, transition.Word);
                        price = transition.Protected
                            ? EditCosts.ProtectedSubstitution(distance, Math.Min(graph.Words[transition.Word].Length, tokens[position].Length))
                            : EditCosts.Substitution(distance);
                    }

                    if (price != EditCosts.Forbidden)
                    {
                        search.Relax(targetKey + position + 1, current + price, key, first + i, consumed: true);
                    }
                }
            }
        }

        return null;
    }

    private static List<AlignmentStep> Backtrack(FuzzyScratch scratch, int key, int width)
    {
        var steps = new List<AlignmentStep>();
        while (scratch.BackKey[key] >= 0)
        {
            var from = scratch.BackKey[key];
            var transition = scratch.BackTransition[key];
            var fromPosition = from % width;
            steps.Add(transition < 0
                ? new AlignmentStep(-1, fromPosition)
                : new AlignmentStep(transition, scratch.BackConsumed[key] ? fromPosition : -1));
            key = from;
        }

        steps.Reverse();
        return steps;
    }
}
