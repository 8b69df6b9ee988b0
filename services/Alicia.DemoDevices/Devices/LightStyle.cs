namespace Alicia.DemoDevices.Devices;

/// <summary>How a demo light announces itself (see <see cref="OnOffLight"/>).</summary>
public enum LightStyle
{
    Compact,
    Verbose,
}
