namespace Alicia.Intents;

/// <summary>
/// Per-thread working memory of the fuzzy matcher, reused between sentences so a search
/// allocates nothing large. Entries are valid only when their stamp equals the current generation,
/// which avoids clearing the arrays for every sentence.
/// </summary>
internal sealed class FuzzyScratch
{
    [ThreadStatic]
    private static FuzzyScratch? t_current;

    public float[] Cost { get; private set; } = [];

    public int[] Stamp { get; private set; } = [];

    /// <summary>Key of the search node this one was reached from.</summary>
    public int[] BackKey { get; private set; } = [];

    /// <summary>Transition taken to get here, or -1 when a heard word was skipped.</summary>
    public int[] BackTransition { get; private set; } = [];

    /// <summary>Whether the transition consumed a heard word (false: the template word was not heard).</summary>
    public bool[] BackConsumed { get; private set; } = [];

    public bool[] Done { get; private set; } = [];

    /// <summary>Spelling distance of heard word (position) and template word, memoized.</summary>
    public float[] SubstitutionCost { get; private set; } = [];

    public int[] SubstitutionStamp { get; private set; } = [];

    /// <summary>Search nodes by (cost, order queued): equal costs resolve in a fixed order, so results never vary.</summary>
    public PriorityQueue<int, (float Cost, int Order)> Queue { get; } = new();

    public int Generation { get; private set; }

    /// <summary>Each heard word prepared for fast comparison with template words.</summary>
    public WordDistance[] HeardWords { get; private set; } = [];

    /// <summary>Least cost of the heard words from each position on (A* estimate).</summary>
    public float[] RemainingCost { get; private set; } = [];

    public static FuzzyScratch For(int nodes, int substitutions, int positions)
    {
        var scratch = t_current ??= new FuzzyScratch();
        scratch.Prepare(nodes, substitutions, positions);
        return scratch;
    }

    private void Prepare(int nodes, int substitutions, int positions)
    {
        if (RemainingCost.Length < positions)
        {
            RemainingCost = new float[positions];
            HeardWords = [.. Enumerable.Range(0, positions).Select(_ => new WordDistance())];
        }

        if (Generation == int.MaxValue)
        {
            Generation = 0;
            Array.Clear(Stamp);
            Array.Clear(SubstitutionStamp);
        }

        Generation++;
        Queue.Clear();
        if (Cost.Length < nodes)
        {
            var size = Math.Max(nodes, Cost.Length * 2);
            Cost = new float[size];
            Stamp = new int[size];
            BackKey = new int[size];
            BackTransition = new int[size];
            BackConsumed = new bool[size];
            Done = new bool[size];
        }

        if (SubstitutionCost.Length < substitutions)
        {
            var size = Math.Max(substitutions, SubstitutionCost.Length * 2);
            SubstitutionCost = new float[size];
            SubstitutionStamp = new int[size];
        }
    }
}
