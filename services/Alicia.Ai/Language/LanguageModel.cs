using System.Security.Cryptography;
using System.Text;
using Alicia.Ai.Devices;
using Alicia.Contracts.Voice;
using Alicia.Intents;

namespace Alicia.Ai.Language;

/// <summary>
/// The templates compiled with one device list: the recognizer for text and the grammar for speech,
/// always from the same slot lists so the STT can say exactly what the AI understands.
/// </summary>
public sealed class LanguageModel
{
    private LanguageModel(IntentRecognizer recognizer, DeviceDirectory devices, AiGrammar grammar)
    {
        Recognizer = recognizer;
        Devices = devices;
        Grammar = grammar;
    }

    public IntentRecognizer Recognizer { get; }

    public DeviceDirectory Devices { get; }

    /// <summary>JSGF, its words, and a version that changes exactly when the grammar does.</summary>
    public AiGrammar Grammar { get; }

    public static LanguageModel Compile(IntentTemplates templates, DeviceDirectory devices, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(devices);
        var recognizer = IntentRecognizer.Compile(templates, devices.SlotLists(templates.SlotListNames), minConfidence);
        var jsgf = recognizer.ToJsgf();
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jsgf)))[..16];
        return new LanguageModel(recognizer, devices, new AiGrammar(jsgf, recognizer.Words, version));
    }
}
