namespace Alicia.Intents;

/// <summary>
/// Turns the word graph into a <see cref="CompiledGraph"/>: a state for the start node and for
/// every node reached by a word; each state's transitions are the words reachable from it through
/// empty steps, carrying the markers passed on the way.
/// </summary>
internal static class GraphCompressor
{
    public static CompiledGraph Compress(Nfa nfa, WordTable words, WordTable strings, IReadOnlyList<SlotListTable> lists, IReadOnlyList<string> intentNames)
    {
        // States: the start node and every node a word leads to, numbered in node order, which is topological.
        var isState = new bool[nfa.NodeCount];
        isState[nfa.Root] = true;
        for (var node = 0; node < nfa.NodeCount; node++)
        {
            foreach (var edge in nfa.Outgoing(node))
            {
                isState[edge.Target] |= edge.Word >= 0;
            }
        }

        var stateOfNode = new int[nfa.NodeCount];
        var stateNodes = new List<int>();
        for (var node = 0; node < nfa.NodeCount; node++)
        {
            stateOfNode[node] = isState[node] ? stateNodes.Count : -1;
            if (isState[node])
            {
                stateNodes.Add(node);
            }
        }

        var transitionStart = new int[stateNodes.Count + 1];
        var finalStart = new int[stateNodes.Count + 1];
        var transitions = new List<Transition>();
        var finals = new List<FinalTransition>();
        var markers = new List<Marker>();
        var visited = new int[nfa.NodeCount];
        var path = new List<Marker>();
        for (var state = 0; state < stateNodes.Count; state++)
        {
            transitionStart[state] = transitions.Count;
            finalStart[state] = finals.Count;
            var stamp = state + 1;
            visited[stateNodes[state]] = stamp;
            Close(stateNodes[state]);

            void Close(int node)
            {
                if (nfa.Accepting.TryGetValue(node, out var intent))
                {
                    finals.Add(new FinalTransition(intent, markers.Count, path.Count));
                    markers.AddRange(path);
                }

                foreach (var edge in nfa.Outgoing(node))
                {
                    if (edge.Word >= 0)
                    {
                        transitions.Add(new Transition(edge.Word, stateOfNode[edge.Target], markers.Count, path.Count, edge.Protected, edge.Output));
                        markers.AddRange(path);
                    }
                    else if (visited[edge.Target] != stamp)
                    {
                        // The first way to reach a node is kept: the graph is built from nested
                        // groups, so every way into a node crosses the same slot boundaries.
                        visited[edge.Target] = stamp;
                        if (edge.Marker is { } marker)
                        {
                            path.Add(marker);
                            Close(edge.Target);
                            path.RemoveAt(path.Count - 1);
                        }
                        else
                        {
                            Close(edge.Target);
                        }
                    }
                }
            }
        }

        transitionStart[stateNodes.Count] = transitions.Count;
        finalStart[stateNodes.Count] = finals.Count;

        var byWord = new Dictionary<long, List<int>>();
        for (var state = 0; state < stateNodes.Count; state++)
        {
            for (var t = transitionStart[state]; t < transitionStart[state + 1]; t++)
            {
                var key = CompiledGraph.WordKey(state, transitions[t].Word);
                if (!byWord.TryGetValue(key, out var list))
                {
                    byWord[key] = list = [];
                }

                list.Add(t);
            }
        }

        var graph = new CompiledGraph
        {
            IntentNames = [.. intentNames],
            Words = words,
            Strings = strings,
            Lists = lists,
            TransitionStart = transitionStart,
            Transitions = [.. transitions],
            FinalStart = finalStart,
            Finals = [.. finals],
            Markers = [.. markers],
            TransitionsByWord = byWord.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            StateIntent = stateNodes.Select(nfa.IntentOf).ToArray(),
        };
        graph.MinWordsToEnd = ShortestPaths(graph);
        return graph;
    }

    private static int[] ShortestPaths(CompiledGraph graph)
    {
        var shortest = new int[graph.StateCount];
        for (var state = graph.StateCount - 1; state >= 0; state--)
        {
            var best = graph.FinalsOf(state).Length > 0 ? 0 : CompiledGraph.Unreachable;
            foreach (var transition in graph.TransitionsOf(state))
            {
                best = Math.Min(best, shortest[transition.Target] + 1);
            }

            shortest[state] = Math.Min(best, CompiledGraph.Unreachable);
        }

        return shortest;
    }
}
