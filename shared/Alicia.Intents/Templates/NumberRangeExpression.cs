namespace Alicia.Intents;

/// <summary><c>1..60</c>: any whole number in the range, spoken as words; its value is the digits.</summary>
internal sealed record NumberRangeExpression(int Min, int Max) : Expression;
