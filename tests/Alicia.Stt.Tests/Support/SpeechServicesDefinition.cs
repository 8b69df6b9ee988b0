namespace Alicia.Stt.Tests.Support;

/// <summary>Every integration test class shares one broker and one pair of speech services.</summary>
[CollectionDefinition(Name)]
public sealed class SpeechServicesDefinition : ICollectionFixture<SpeechServicesFixture>
{
    public const string Name = "speech services";
}
