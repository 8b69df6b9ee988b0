namespace Alicia.Intents;

/// <summary>
/// Where in the templates the graph builder is: whose local rules apply, whether a tag is open
/// (a slot list then reports to it), and whether words belong to a slot (see <see cref="Transition.Protected"/>).
/// </summary>
internal sealed record BuildContext(IntentDefinition? Scope, bool InTag, bool Protected);
