namespace Alicia.Intents;

/// <summary>
/// One step of a path aligning heard words with template words: a transition taken for a word
/// heard (Token >= 0) or skipped as not heard (Token = -1), or a heard word with no template word
/// (Transition = -1).
/// </summary>
internal readonly record struct AlignmentStep(int Transition, int Token);
