using Alicia.Stt.Recognition;
using Alicia.Stt.Streaming;
using Alicia.Testing;

namespace Alicia.Stt.Tests.Support;

/// <summary>The real decoders with the default grammar, loaded once for the tests that use them without a bus.</summary>
internal static class Engines
{
    private static readonly Lazy<RecognizerPool> LazyPool = new(() =>
    {
        var options = Options();
        var pool = new RecognizerPool(options.RecognizerModel(options.EffectiveDictionary()), 1);
        var (jsgf, version) = DefaultGrammar.Build(options.IntentsDirectory, out _);
        pool.UseGrammar(jsgf, version);
        return pool;
    });

    public static RecognizerPool Pool => LazyPool.Value;

    public static UtteranceTranscriber Transcriber { get; } = new(Pool, 30);

    public static SttOptions Options() => new() { IntentsDirectory = Repository.File("config", "intents") };

    public static ListeningSettings Listening()
    {
        var options = Options();
        return new ListeningSettings(options.WakeWord(), options.SpotterModel(options.EffectiveDictionary()), options.Vad, options.WakeHoldMs);
    }
}
