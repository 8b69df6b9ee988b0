namespace Alicia.VoiceRouter.Dialogue;

/// <summary>
/// Decides whether a wake word opens a session: when satellites of one site group all hear the same
/// utterance, the first wake wins and the others within the window are ignored, so the person hears one reply.
/// </summary>
public sealed class WakeGate(IReadOnlyDictionary<string, List<string>> groups, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, string> _groupOf = groups
        .SelectMany(g => g.Value.Select(site => (Site: site, Group: g.Key)))
        .ToDictionary(x => x.Site, x => x.Group, StringComparer.Ordinal);

    private readonly Dictionary<string, (string Site, DateTimeOffset At)> _lastWake = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string? GroupOf(string site) => _groupOf.GetValueOrDefault(site);

    /// <summary>True when the wake should open a session; false for a duplicate from another satellite of the group.</summary>
    public bool Admit(string site)
    {
        if (GroupOf(site) is not { } group)
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_lastWake.TryGetValue(group, out var last) && last.Site != site && now - last.At < window)
            {
                return false;
            }

            _lastWake[group] = (site, now);
            return true;
        }
    }
}
