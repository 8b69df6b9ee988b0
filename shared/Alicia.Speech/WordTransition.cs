namespace Alicia.Speech;

/// <summary>A transition of a <see cref="WordGraph"/>: it speaks <paramref name="Word"/>, or nothing when that is null.</summary>
internal readonly record struct WordTransition(int From, int To, double Probability, string? Word);
