namespace Alicia.Ai.Dialogue;

/// <summary>
/// Conversation context by session, with the site's latest conversation as a fallback so a follow-up
/// after a new wake word (a new session on the same satellite) still knows what "it" is. Entries
/// expire after <c>ContextTimeout</c>.
/// </summary>
public sealed class ConversationStore(TimeProvider time, TimeSpan timeout)
{
    private readonly Dictionary<string, ConversationState> _bySession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationState> _bySite = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TimeSpan Timeout => timeout;

    /// <summary>The live context of the session, else of the site; null when there is none or it expired.</summary>
    public ConversationState? Find(string? sessionId, string? site)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (sessionId is not null && _bySession.TryGetValue(sessionId, out var state) && IsLive(state, now))
            {
                return state;
            }

            return site is not null && _bySite.TryGetValue(site, out state) && IsLive(state, now) ? state : null;
        }
    }

    public void Save(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            RemoveExpired(_bySession, now);
            RemoveExpired(_bySite, now);
            if (state.SessionId is not null)
            {
                _bySession[state.SessionId] = state;
            }

            if (state.Site is not null)
            {
                _bySite[state.Site] = state;
            }
        }
    }

    public DateTimeOffset ExpiresAt(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.UpdatedAt + timeout;
    }

    private bool IsLive(ConversationState state, DateTimeOffset now) => now - state.UpdatedAt <= timeout;

    private void RemoveExpired(Dictionary<string, ConversationState> states, DateTimeOffset now)
    {
        foreach (var key in states.Where(e => !IsLive(e.Value, now)).Select(e => e.Key).ToList())
        {
            states.Remove(key);
        }
    }
}
