namespace Alicia.Cli.Tests;

public sealed class CliArgumentsTests
{
    [Fact]
    public void Separates_positionals_options_and_flags()
    {
        var arguments = new CliArguments(["turn", "on", "--site", "kitchen", "--json", "the", "light"]);

        Assert.Equal(["turn", "on", "the", "light"], arguments.Positionals);
        Assert.Equal("kitchen", arguments.Option("--site"));
        Assert.True(arguments.Json);
        Assert.False(arguments.Help);
    }

    [Fact]
    public void An_option_without_a_value_is_a_usage_error()
    {
        var error = Assert.Throws<CliException>(() => new CliArguments(["--site"]));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("--site needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_options_and_bad_numbers_are_refused()
    {
        var arguments = new CliArguments(["--sight", "kitchen", "--timeout", "soon"]);

        Assert.Contains("--sight", Assert.Throws<CliException>(() => arguments.Allow("--site", "--timeout")).Message, StringComparison.Ordinal);
        Assert.Contains("expects a number", Assert.Throws<CliException>(() => arguments.Number("--timeout", 1)).Message, StringComparison.Ordinal);
    }
}
