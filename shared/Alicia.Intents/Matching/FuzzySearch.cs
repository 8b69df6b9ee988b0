namespace Alicia.Intents;

/// <summary>The open set of the A* search, kept in the per-thread scratch arrays.</summary>
internal sealed class FuzzySearch(CompiledGraph graph, FuzzyScratch scratch, float[] remaining, int words, float maxCost)
{
    // Skipping a template word costs at least this (a word like "the").
    private const float CheapestSkip = 0.5f;

    private readonly int _width = words + 1;
    private readonly int _generation = scratch.Generation;
    private int _order;

    public void Relax(int key, float cost, int from, int transition, bool consumed)
    {
        var state = key / _width;
        var position = key % _width;
        var mustSkip = graph.MinWordsToEnd[state] - (words - position);
        if (graph.MinWordsToEnd[state] == CompiledGraph.Unreachable)
        {
            return;
        }

        var estimate = cost + remaining[position] + (mustSkip > 0 ? mustSkip * CheapestSkip : 0);
        if (estimate > maxCost || (scratch.Stamp[key] == _generation && scratch.Cost[key] <= cost))
        {
            return;
        }

        scratch.Stamp[key] = _generation;
        scratch.Cost[key] = cost;
        scratch.Done[key] = false;
        scratch.BackKey[key] = from;
        scratch.BackTransition[key] = transition;
        scratch.BackConsumed[key] = consumed;
        scratch.Queue.Enqueue(key, (estimate, _order++));
    }

    public bool TryNext(out int key, out float cost)
    {
        while (scratch.Queue.TryDequeue(out key, out _))
        {
            if (!scratch.Done[key])
            {
                scratch.Done[key] = true;
                cost = scratch.Cost[key];
                return true;
            }
        }

        cost = 0;
        return false;
    }
}
