using Alicia.Contracts;

namespace Alicia.Contracts.Tests;

public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("alicia/#", "alicia/voice/stt/request", true)]
    [InlineData("alicia/#", "alicia", true)]
    [InlineData("alicia/system/health/+", "alicia/system/health/stt", true)]
    [InlineData("alicia/system/health/+", "alicia/system/health/stt/x", false)]
    [InlineData("alicia/voice/audio/+/frame", "alicia/voice/audio/kitchen/frame", true)]
    [InlineData("alicia/voice/audio/+/frame", "alicia/voice/audio/kitchen/other", false)]
    [InlineData("alicia/voice/stt/request", "alicia/voice/stt/request", true)]
    [InlineData("alicia/voice/stt/request", "alicia/voice/stt/requests", false)]
    [InlineData("alicia/voice/stt/request", "alicia/voice/stt", false)]
    [InlineData("+/+", "a/b", true)]
    [InlineData("+", "a/b", false)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("a/+/c", "a//c", true)]
    public void Matches_like_the_broker(string filter, string topic, bool expected) =>
        Assert.Equal(expected, TopicFilter.Matches(filter, topic));

    [Fact]
    public void Strips_the_shared_subscription_prefix()
    {
        Assert.Equal("alicia/voice/stt/request", TopicFilter.WithoutSharePrefix("$share/stt/alicia/voice/stt/request"));
        Assert.Equal("alicia/x", TopicFilter.WithoutSharePrefix("alicia/x"));
    }

    [Fact]
    public void Topic_builders_follow_the_tree()
    {
        Assert.Equal("alicia/system/health/tts", Topics.Health.Of("tts"));
        Assert.Equal("alicia/voice/tts/audio/kitchen", Topics.Tts.Audio("kitchen"));
        Assert.True(TopicFilter.Matches(Topics.Audio.AllFrames, Topics.Audio.Frame("kitchen")));
        Assert.True(TopicFilter.Matches(Topics.Devices.AllState, Topics.Devices.State("lamp-1")));
        Assert.True(TopicFilter.Matches(Topics.Health.All, Topics.Health.Summary));
    }
}
