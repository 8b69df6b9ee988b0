namespace Alicia.Testing;

/// <summary>
/// One grant line of mosquitto/acl: a <c>topic</c> line inside a user block (User set), or a
/// <c>pattern</c> line that applies to every user with %u replaced by the user's name.
/// </summary>
public sealed record AclRule(string? User, bool IsPattern, AclAccess Access, string Topic, int Line)
{
    /// <summary>The topic filter this rule grants to <paramref name="user"/>, or null if it does not apply to that user.</summary>
    public string? FilterFor(string user)
    {
        if (IsPattern)
        {
            return Topic.Replace("%u", user, StringComparison.Ordinal);
        }

        return User == user ? Topic : null;
    }
}
