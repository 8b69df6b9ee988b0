using Alicia.Bus;
using Alicia.Contracts;
using Alicia.Contracts.Voice;
using Alicia.Stt.Tests.Support;

namespace Alicia.Stt.Tests;

/// <summary>The grammar the AI publishes replaces the default one without a restart.</summary>
[Collection(SpeechServicesDefinition.Name)]
public sealed class GrammarTests(SpeechServicesFixture services)
{
    [Fact]
    public async Task A_new_grammar_is_used_for_the_next_request_and_its_unknown_words_are_left_out()
    {
        var defaultGrammar = services.Stt.Pool.Grammar!;
        var defaultVersion = services.Stt.Pool.GrammarVersion!;
        const string newSentence = "open the garage door";
        const string grammar = """
            #JSGF V1.0;
            grammar reload;
            public <command> = open the garage door | close the garage door | frobnicate the zorblax | what time is it;
            """;
        try
        {
            await services.Ai.PublishAsync(Topics.Ai.Grammar,
                new AiGrammar(grammar, ["open", "the", "garage", "door", "close", "frobnicate", "zorblax", "what", "time", "is", "it"], "reload-1"),
                new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });
            await Eventually(() => services.Stt.Pool.GrammarVersion == "reload-1", "the new grammar to be loaded");

            var request = await services.VoiceRouter.PublishAsync(Topics.Stt.Request,
                new SttRequest(Convert.ToBase64String(Voice.Wav(Voice.Join(Voice.Silence(200), Voice.Say(newSentence), Voice.Silence(200))))),
                new PublishOptions { AtLeastOnce = true });
            var transcript = Recorded.Payload(await services.Recorder.AnswerAsync(Topics.Stt.Response, request), ContractsJson.Default.SttResponse);

            Assert.Equal(newSentence, transcript.Text);
            Assert.DoesNotContain("frobnicate", services.Stt.Pool.Grammar, StringComparison.Ordinal);
            Assert.Contains("close the garage door", services.Stt.Pool.Grammar, StringComparison.Ordinal);
            Assert.Equal(HealthState.Degraded, services.Stt.Health().Status);
        }
        finally
        {
            // Leave the default grammar for the other tests, as the AI would after a change of its own.
            await services.Ai.PublishAsync(Topics.Ai.Grammar, new AiGrammar(defaultGrammar, [], defaultVersion),
                new PublishOptions { Retain = true, Ttl = Envelope.NeverExpires });
            await Eventually(() => services.Stt.Pool.GrammarVersion == defaultVersion, "the default grammar to come back");
        }
    }

    [Fact]
    public async Task A_grammar_that_does_not_parse_is_refused_and_the_current_one_stays()
    {
        var before = services.Stt.Pool.GrammarVersion;
        var rejected = services.Stt.Bus.Metrics.RejectionsByReason.TryGetValue("invalid_grammar", out var counter) ? counter.Value : 0;
        await services.Ai.PublishAsync(Topics.Ai.Grammar, new AiGrammar("this is not jsgf at all", [], "broken"), new PublishOptions { AtLeastOnce = true });
        await Eventually(() => services.Stt.Bus.Metrics.RejectionsByReason.TryGetValue("invalid_grammar", out var c) && c.Value > rejected,
            "the broken grammar to be refused");
        Assert.Equal(before, services.Stt.Pool.GrammarVersion);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
