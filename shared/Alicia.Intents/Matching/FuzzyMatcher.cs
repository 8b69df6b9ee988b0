namespace Alicia.Intents;

/// <summary>
/// Cheapest alignment of the heard words with any template path, allowing words to be replaced,
/// skipped or added at the prices of <see cref="EditCosts"/>. A search node is (state, words
/// consumed); since the graph is a DAG and prices are non-negative, Dijkstra's algorithm finds the
/// cheapest complete alignment first and stops as soon as costs exceed what the confidence
/// threshold could still accept, so unrelated sentences are rejected quickly.
/// </summary>
internal static class FuzzyMatcher
{
    public static MatchPath? Match(CompiledGraph graph, IReadOnlyList<string> tokens, int[] tokenIds, float maxCost)
    {
        var n = tokens.Count;
        var width = n + 1;
        var vocabulary = graph.Words.Count;
        var scratch = FuzzyScratch.For(graph.StateCount * width, vocabulary * Math.Max(n, 1));
        var generation = scratch.Generation;
        var cost = scratch.Cost;
        var stamp = scratch.Stamp;
        var done = scratch.Done;
        var queue = scratch.Queue;
        var order = 0;

        void Relax(int key, float value, int from, int transition, bool consumed)
        {
            if (value > maxCost || (stamp[key] == generation && cost[key] <= value))
            {
                return;
            }

            stamp[key] = generation;
            cost[key] = value;
            done[key] = false;
            scratch.BackKey[key] = from;
            scratch.BackTransition[key] = transition;
            scratch.BackConsumed[key] = consumed;
            queue.Enqueue(key, (value, order++));
        }

        float Substitute(int position, int word, bool isProtected)
        {
            var memo = (position * vocabulary) + word;
            if (scratch.SubstitutionStamp[memo] != generation)
            {
                scratch.SubstitutionStamp[memo] = generation;
                scratch.SubstitutionCost[memo] = EditCosts.SpellingDistance(graph.Words[word], tokens[position]);
            }

            var distance = scratch.SubstitutionCost[memo];
            return isProtected
                ? EditCosts.ProtectedSubstitution(distance, Math.Min(graph.Words[word].Length, tokens[position].Length))
                : EditCosts.Substitution(distance);
        }

        Relax(0, 0, -1, -1, consumed: false);
        while (queue.TryDequeue(out var key, out var priority))
        {
            var current = priority.Cost;
            if (done[key] || current > cost[key])
            {
                continue;
            }

            done[key] = true;
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
                Relax(key + 1, current + EditCosts.Insertion(tokens[position]), key, -1, consumed: false);
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
                    Relax(targetKey + position, current + skip, key, first + i, consumed: false);
                }

                if (position < n)
                {
                    var price = transition.Word == tokenIds[position] ? 0f : Substitute(position, transition.Word, transition.Protected);
                    if (price != EditCosts.Forbidden)
                    {
                        Relax(targetKey + position + 1, current + price, key, first + i, consumed: true);
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
