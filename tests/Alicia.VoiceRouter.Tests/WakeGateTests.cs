using Alicia.VoiceRouter.Dialogue;
using Alicia.VoiceRouter.Tests.Support;

namespace Alicia.VoiceRouter.Tests;

public sealed class WakeGateTests
{
    private readonly ManualTime _time = new();
    private readonly WakeGate _gate;

    public WakeGateTests() => _gate = new WakeGate(
        new Dictionary<string, List<string>> { ["downstairs"] = ["kitchen", "living-room"] }, TimeSpan.FromSeconds(1), _time);

    [Fact]
    public void The_first_satellite_of_a_group_wins_within_the_window()
    {
        Assert.True(_gate.Admit("kitchen"));
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(_gate.Admit("living-room"));
        Assert.True(_gate.Admit("kitchen"));
    }

    [Fact]
    public void After_the_window_another_satellite_may_wake()
    {
        Assert.True(_gate.Admit("kitchen"));
        _time.Advance(TimeSpan.FromMilliseconds(1100));
        Assert.True(_gate.Admit("living-room"));
    }

    [Fact]
    public void Sites_outside_groups_are_always_admitted()
    {
        Assert.True(_gate.Admit("kitchen"));
        Assert.True(_gate.Admit("bedroom"));
        Assert.Null(_gate.GroupOf("bedroom"));
        Assert.Equal("downstairs", _gate.GroupOf("living-room"));
    }
}
