namespace Alicia.Speech;

/// <summary>
/// Where the pocketsphinx acoustic model and pronunciation dictionary live, and how the decoder is set up.
/// The defaults are the paths of Debian's pocketsphinx-en-us package.
/// </summary>
public sealed record SpeechModelOptions
{
    public const string DebianModelDirectory = "/usr/share/pocketsphinx/model/en-us/en-us";
    public const string DebianDictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

    /// <summary>Files a pocketsphinx semi-continuous or continuous acoustic model cannot load without.</summary>
    private static readonly string[] RequiredModelFiles = ["mdef", "means", "variances", "transition_matrices", "noisedict"];

    public static SpeechModelOptions Default { get; } = new();

    /// <summary>Acoustic model directory (pocketsphinx -hmm).</summary>
    public string ModelDirectory { get; init; } = DebianModelDirectory;

    /// <summary>Pronunciation dictionary file (pocketsphinx -dict).</summary>
    public string Dictionary { get; init; } = DebianDictionary;

    /// <summary>Sample rate of the audio the decoder is given (pocketsphinx -samprate); the model is trained on 16 kHz.</summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>
    /// Further decoder arguments by name, e.g. { "-beam": "1e-60" }. They override the tuned defaults
    /// of <see cref="SpeechRecognizer"/> and <see cref="WakeWordSpotter"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtraArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Pronunciations (CMU phones, e.g. "AH L IY SH AH") for words the dictionary lacks or should say differently.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtraPronunciations { get; init; } = new Dictionary<string, string>();

    /// <summary>Throws an exception naming the first missing file or invalid setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModelDirectory) || !Directory.Exists(ModelDirectory))
        {
            throw new DirectoryNotFoundException(
                $"Speech model directory '{ModelDirectory}' does not exist (install pocketsphinx-en-us or set {nameof(ModelDirectory)}).");
        }

        foreach (var file in RequiredModelFiles)
        {
            RequireFile(Path.Combine(ModelDirectory, file), "acoustic model file");
        }

        if (!File.Exists(Path.Combine(ModelDirectory, "sendump")) && !File.Exists(Path.Combine(ModelDirectory, "mixture_weights")))
        {
            throw new FileNotFoundException(
                $"Acoustic model in '{ModelDirectory}' has neither 'sendump' nor 'mixture_weights'.",
                Path.Combine(ModelDirectory, "mixture_weights"));
        }

        RequireFile(Dictionary, "pronunciation dictionary");

        if (SampleRate is < 8000 or > 48000)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "Sample rate must be between 8000 and 48000 Hz.");
        }

        foreach (var name in ExtraArguments.Keys)
        {
            if (!name.StartsWith('-') || name.Length < 2)
            {
                throw new ArgumentException($"Decoder argument '{name}' must be a flag such as '-beam'.", nameof(ExtraArguments));
            }
        }
    }

    private static void RequireFile(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} '{path}' does not exist.", path);
        }
    }
}
