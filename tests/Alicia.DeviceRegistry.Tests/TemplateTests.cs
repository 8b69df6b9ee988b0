using Alicia.DeviceRegistry.Templates;

namespace Alicia.DeviceRegistry.Tests;

public sealed class TemplateTests
{
    [Theory]
    [InlineData(null, "ON", "ON")]
    [InlineData("{{ value }}", "21.5", "21.5")]
    [InlineData("{{value_json.POWER}}", """{"POWER":"OFF","Dimmer":40}""", "OFF")]
    [InlineData("{{ value_json.state }}", """{"state":"ON","brightness":128}""", "ON")]
    [InlineData("{{value_json['RSSI']}}", """{"RSSI":76}""", "76")]
    [InlineData("{{ value_json[\"Wifi\"].Signal }}", """{"Wifi":{"Signal":-61}}""", "-61")]
    [InlineData("{{ value_json.sensors[1] }}", """{"sensors":[10,20]}""", "20")]
    [InlineData("{{ value_json.contact }}", """{"contact":false}""", "False")]
    [InlineData("{{ value_json.temperature | round(1) }}", """{"temperature":21.456}""", "21.5")]
    [InlineData("{{ value_json.temperature | int }}", """{"temperature":"21.9"}""", "21")]
    [InlineData("{{ value_json.state | lower }}", """{"state":"ON"}""", "on")]
    [InlineData("{{ value_json.missing | default('off') }}", """{"state":"ON"}""", "off")]
    public void Simple_value_templates_render_like_home_assistant(string? template, string payload, string expected)
    {
        Assert.True(ValueTemplate.TryRender(template, payload, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("{{ value_json.state }}", """{"brightness":3}""")]
    [InlineData("{{ value_json.state }}", "not json")]
    [InlineData("{% if value == '1' %}on{% endif %}", "1")]
    [InlineData("{{ value_json.a + 1 }}", """{"a":1}""")]
    [InlineData("{{ value | replace('a','b') }}", "a")]
    public void Missing_values_bad_payloads_and_unsupported_templates_render_nothing(string template, string payload) =>
        Assert.False(ValueTemplate.TryRender(template, payload, out _));

    [Theory]
    [InlineData(null, 21.5, "21.5")]
    [InlineData(null, 128, "128")]
    [InlineData("{{ value }}", 40, "40")]
    [InlineData("{ \"position\": {{ position }} }", 30, "{ \"position\": 30 }")]
    [InlineData("{{ value | int }}", 21.5, "21")]
    [InlineData("{\"brightness\": {{value|round(0)}} }", 99.6, "{\"brightness\": 100 }")]
    public void Command_templates_fill_in_the_number(string? template, double value, string expected) =>
        Assert.Equal(expected, CommandTemplate.Render(template, value));

    [Theory]
    [InlineData("{% if value > 50 %}ON{% endif %}")]
    [InlineData("{{ value * 2.55 }}")]
    [InlineData("{{ value_json.x }}")]
    public void Command_templates_beyond_substitution_are_refused(string template) =>
        Assert.Null(CommandTemplate.Render(template, 1));
}
