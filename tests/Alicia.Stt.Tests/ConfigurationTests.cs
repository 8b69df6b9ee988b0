using Alicia.Stt.Recognition;
using Alicia.Stt.Tests.Support;

namespace Alicia.Stt.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        Assert.False(new SttOptionsValidator().Validate(null, Engines.Options()).Failed);

    [Fact]
    public void The_validator_names_every_wrong_setting()
    {
        var options = Engines.Options();
        options.WakePhrase = " ";
        options.WakeThreshold = 2;
        options.Decoders = 0;
        options.Vad = options.Vad with { SilenceEndMs = 0 };
        options.ModelDirectory = "/nowhere";
        var result = new SttOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        foreach (var setting in new[] { "WakePhrase", "WakeThreshold", "Decoders", "SilenceEndMs", "/nowhere" })
        {
            Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pronunciation_overrides_come_first_and_replace_the_stock_entries()
    {
        var stock = Path.Combine(Path.GetTempPath(), $"stock-{Guid.NewGuid():N}.dict");
        File.WriteAllLines(stock, ["alicia AH L IH SH AH", "alicia(2) AH L IY S IY AH", "hey HH EY", "light L AY T"]);
        try
        {
            var path = PronunciationDictionary.WithOverrides(stock, new Dictionary<string, string> { ["Alicia"] = "AH  L IY SH AH" });
            Assert.Equal(["alicia AH L IY SH AH", "hey HH EY", "light L AY T"], File.ReadAllLines(path));
            Assert.Equal(path, PronunciationDictionary.WithOverrides(stock, new Dictionary<string, string> { ["alicia"] = "AH L IY SH AH" }));
            Assert.Equal(stock, PronunciationDictionary.WithOverrides(stock, new Dictionary<string, string>()));
        }
        finally
        {
            File.Delete(stock);
        }
    }

    [Fact]
    public void Without_intent_templates_the_built_in_grammar_is_used_and_it_loads()
    {
        var (jsgf, version) = DefaultGrammar.Build("no/such/intents/directory", out var problem);
        Assert.Equal(DefaultGrammar.BuiltInVersion, version);
        Assert.NotNull(problem);
        using var pool = new RecognizerPool(Engines.Options().RecognizerModel(), 1);
        Assert.Empty(pool.UseGrammar(jsgf, version).MissingWords);
    }
}
