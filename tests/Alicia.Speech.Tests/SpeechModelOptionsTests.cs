namespace Alicia.Speech.Tests;

public sealed class SpeechModelOptionsTests
{
    [Fact]
    public void The_Debian_defaults_are_valid_on_this_machine()
    {
        SpeechModelOptions.Default.Validate();

        Assert.Equal(16000, SpeechModelOptions.Default.SampleRate);
    }

    [Fact]
    public void A_missing_model_directory_is_named()
    {
        var options = new SpeechModelOptions { ModelDirectory = "/nonexistent/model" };

        var error = Assert.Throws<DirectoryNotFoundException>(options.Validate);
        Assert.Contains("/nonexistent/model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var directory = Directory.CreateTempSubdirectory("alicia-model-");
        try
        {
            var options = new SpeechModelOptions { ModelDirectory = directory.FullName };

            var error = Assert.Throws<FileNotFoundException>(options.Validate);
            Assert.Equal(Path.Combine(directory.FullName, "mdef"), error.FileName);
            Assert.Contains("mdef", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_dictionary_is_named_before_any_model_is_loaded()
    {
        var options = new SpeechModelOptions { Dictionary = "/nonexistent/words.dict" };

        var error = Assert.Throws<FileNotFoundException>(() => new SpeechRecognizer(options));
        Assert.Contains("/nonexistent/words.dict", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(96000)]
    public void An_unusable_sample_rate_is_rejected(int rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(new SpeechModelOptions { SampleRate = rate }.Validate);
    }

    [Fact]
    public void Extra_arguments_must_be_flags()
    {
        var options = new SpeechModelOptions { ExtraArguments = new Dictionary<string, string> { ["beam"] = "1e-60" } };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void An_argument_pocketsphinx_does_not_know_is_rejected_with_the_arguments_shown()
    {
        var options = new SpeechModelOptions { ExtraArguments = new Dictionary<string, string> { ["-no_such_flag"] = "1" } };

        var error = Assert.Throws<ArgumentException>(() => new SpeechRecognizer(options));
        Assert.Contains("-no_such_flag", error.Message, StringComparison.Ordinal);
    }
}
