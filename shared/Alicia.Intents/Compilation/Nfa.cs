namespace Alicia.Intents;

/// <summary>
/// Word graph under construction. Nodes are numbered in creation order and every edge goes from
/// a lower to a higher number, so the numbering is already a topological order (the graph is a
/// DAG because rules cannot refer to themselves).
/// </summary>
internal sealed class Nfa
{
    private readonly List<List<NfaEdge>> _outgoing = [];
    private readonly List<int> _intentOfNode = [];

    public Nfa() => Root = NewNode(-1);

    public int Root { get; }

    public int NodeCount => _outgoing.Count;

    /// <summary>Intent reached when a path arrives at a node (node -> intent index).</summary>
    public Dictionary<int, int> Accepting { get; } = [];

    public IReadOnlyList<NfaEdge> Outgoing(int node) => _outgoing[node];

    public int IntentOf(int node) => _intentOfNode[node];

    public int NewNode(int intent)
    {
        _outgoing.Add([]);
        _intentOfNode.Add(intent);
        return _outgoing.Count - 1;
    }

    public void AddEmpty(int from, int to) => Add(from, new NfaEdge(to, -1, null, false, null));

    public void AddMarker(int from, int to, Marker marker) => Add(from, new NfaEdge(to, -1, null, false, marker));

    public void AddWord(int from, int to, int word, string? output, bool isProtected) =>
        Add(from, new NfaEdge(to, word, output, isProtected, null));

    private void Add(int from, NfaEdge edge)
    {
        if (edge.Target <= from)
        {
            throw new InvalidOperationException("word graph edges must point forward");
        }

        _outgoing[from].Add(edge);
    }
}
