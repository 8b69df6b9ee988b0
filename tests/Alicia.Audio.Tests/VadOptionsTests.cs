namespace Alicia.Audio.Tests;

public sealed class VadOptionsTests
{
    public static TheoryData<string, VadOptions, string> BadOptions() => new()
    {
        { "zero end window", new VadOptions { SilenceEndMs = 0 }, "VadOptions.SilenceEndMs must be at least one frame" },
        { "negative end window", new VadOptions { SilenceEndMs = -600 }, "VadOptions.SilenceEndMs" },
        { "negative start", new VadOptions { SpeechStartMs = -1 }, "VadOptions.SpeechStartMs" },
        { "negative pre-roll", new VadOptions { PreRollMs = -300 }, "VadOptions.PreRollMs must not be negative" },
        { "negative minimum", new VadOptions { MinUtteranceMs = -1 }, "VadOptions.MinUtteranceMs must not be negative" },
        { "negative gap", new VadOptions { SpeechStartGapMs = -20 }, "VadOptions.SpeechStartGapMs must not be negative" },
        { "negative trailing", new VadOptions { TrailingMs = -1 }, "VadOptions.TrailingMs must not be negative" },
        { "trailing past the end window", new VadOptions { TrailingMs = 800 }, "VadOptions.TrailingMs must not exceed SilenceEndMs" },
        { "maximum too small", new VadOptions { MaxUtteranceMs = 500 }, "VadOptions.MaxUtteranceMs must exceed PreRollMs + SpeechStartMs" },
        { "maximum below minimum", new VadOptions { MinUtteranceMs = 5000, MaxUtteranceMs = 4000 }, "VadOptions.MaxUtteranceMs must exceed MinUtteranceMs" },
        { "zero frame", new VadOptions { FrameMs = 0 }, "VadOptions.FrameMs must be between 5 and 100 ms" },
        { "fractional frame", new VadOptions { SampleRate = 44100, FrameMs = 7 }, "VadOptions.FrameMs must be a whole number of samples" },
        { "silly sample rate", new VadOptions { SampleRate = 100 }, "VadOptions.SampleRate" },
        { "zero start threshold", new VadOptions { StartThresholdDb = 0 }, "VadOptions.StartThresholdDb must be a positive number of dB" },
        { "NaN threshold", new VadOptions { StartThresholdDb = double.NaN }, "VadOptions.StartThresholdDb" },
        { "inverted hysteresis", new VadOptions { ContinueThresholdDb = 12 }, "VadOptions.ContinueThresholdDb must not exceed StartThresholdDb" },
        { "positive dBFS", new VadOptions { MinSpeechLevelDbfs = 3 }, "VadOptions.MinSpeechLevelDbfs" },
        { "zero adaptation", new VadOptions { NoiseFloorAdaptMs = 0 }, "VadOptions.NoiseFloorAdaptMs must be positive" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Options_that_cannot_work_are_rejected_with_a_clear_message(string what, VadOptions options, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new VoiceActivityDetector(options));

        Assert.True(error.Message.StartsWith(expected, StringComparison.Ordinal), $"{what}: got \"{error.Message}\"");
        Assert.Contains("(got ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trim_checks_options_too()
    {
        Assert.Throws<ArgumentException>(() => VoiceActivityDetector.Trim(AudioClip.Empty(16000), new VadOptions { SilenceEndMs = 0 }));
    }

    [Fact]
    public void Defaults_are_valid_and_as_documented()
    {
        var options = VadOptions.Default;

        options.Validate();
        Assert.Equal(16000, options.SampleRate);
        Assert.Equal(20, options.FrameMs);
        Assert.Equal(320, options.FrameSamples);
        Assert.Equal(300, options.SpeechStartMs);
        Assert.Equal(600, options.SilenceEndMs);
        Assert.InRange(options.ContinueThresholdDb, 0, options.StartThresholdDb);
    }

    [Fact]
    public void Options_bind_from_json_configuration()
    {
        var options = System.Text.Json.JsonSerializer.Deserialize<VadOptions>("""{"SilenceEndMs":700,"PreRollMs":250,"StartThresholdDb":10.5}""");

        Assert.NotNull(options);
        Assert.Equal(700, options.SilenceEndMs);
        Assert.Equal(250, options.PreRollMs);
        Assert.Equal(10.5, options.StartThresholdDb);
        Assert.Equal(20, options.FrameMs);
    }
}
