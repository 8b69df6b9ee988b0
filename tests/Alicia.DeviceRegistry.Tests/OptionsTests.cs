using Alicia.DeviceRegistry.Storage;
using Alicia.DeviceRegistry.Tests.Support;

namespace Alicia.DeviceRegistry.Tests;

public sealed class OptionsTests
{
    private static readonly DeviceRegistryOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid_and_follow_the_bridge_trees_of_the_acl()
    {
        var options = new DeviceRegistryOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(["zigbee2mqtt/#", "stat/#", "tele/#", "esphome/#", "alicia-demo/#"], options.EffectiveBridgeTopics);
    }

    [Fact]
    public void Settings_that_cannot_work_are_named()
    {
        var options = new DeviceRegistryOptions
        {
            DataDirectory = " ",
            DiscoveryPrefix = "alicia/discovery",
            BridgeTopics = ["#"],
            StateConfirmTimeout = TimeSpan.FromMinutes(1),
        };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Services:device-registry:DataDirectory", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Services:device-registry:DiscoveryPrefix", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Services:device-registry:BridgeTopics entry '#'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Services:device-registry:StateConfirmTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_data_directory_that_cannot_be_created_is_reported_with_its_path()
    {
        using var directory = new TempDirectory();
        var blocker = Path.Combine(directory.Path, "file");
        File.WriteAllText(blocker, "not a directory");

        var error = Assert.Throws<InvalidOperationException>(() => DeviceStore.Open(Path.Combine(blocker, "data"), TimeProvider.System));

        Assert.Contains(Path.Combine(blocker, "data"), error.Message, StringComparison.Ordinal);
        Assert.Contains("Services:device-registry:DataDirectory", error.Message, StringComparison.Ordinal);
    }
}
