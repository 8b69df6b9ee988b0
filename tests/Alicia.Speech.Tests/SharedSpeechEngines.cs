namespace Alicia.Speech.Tests;

[CollectionDefinition(Name)]
public sealed class SharedSpeechEngines : ICollectionFixture<SpeechEngines>
{
    public const string Name = "speech engines";
}
