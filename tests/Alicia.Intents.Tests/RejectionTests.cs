namespace Alicia.Intents.Tests;

/// <summary>Sentences the demo home has no intent for are rejected rather than forced onto the nearest template.</summary>
public sealed class RejectionTests
{
    [Theory]
    [InlineData("turn on the garage")]
    [InlineData("turn on the garage light")]
    [InlineData("turn on the kitchen")]
    [InlineData("unlock the back door")]
    [InlineData("dim the kitchen light")]
    [InlineData("set the kitchen light to fifty percent")]
    [InlineData("set the thermostat to two hundred degrees")]
    [InlineData("the quick brown fox jumps over the lazy dog")]
    [InlineData("hello")]
    [InlineData("hello there how are you")]
    [InlineData("play some music")]
    [InlineData("order a pizza")]
    [InlineData("what is the meaning of life")]
    [InlineData("turn")]
    [InlineData("the")]
    [InlineData("shop")]
    [InlineData("")]
    [InlineData("   ...  ")]
    public void Rejects_near_misses_and_unrelated_sentences(string sentence)
    {
        var match = DemoHome.Recognizer.Recognize(sentence);

        Assert.True(match is null, $"'{sentence}' was recognized as {match?.Intent} ({match?.Confidence:0.00})");
    }

    [Fact]
    public void Rejects_a_very_long_sentence_without_searching()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("turn on the kitchen light", 20));

        Assert.Null(DemoHome.Recognizer.Recognize(sentence));
    }

    [Fact]
    public void A_stricter_threshold_rejects_what_the_default_accepts()
    {
        const string sentence = "please turn on the kitchen lights";
        var strict = IntentRecognizer.Compile(DemoHome.Templates, DemoHome.SlotLists(), minConfidence: 0.99);

        Assert.NotNull(DemoHome.Recognizer.Recognize(sentence));
        Assert.Null(strict.Recognize(sentence));
        Assert.NotNull(strict.Recognize("turn on the kitchen light"));
    }
}
