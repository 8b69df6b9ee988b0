namespace Alicia.Bench.Tests;

public sealed class BenchArgumentsTests
{
    [Fact]
    public void No_group_means_every_group()
    {
        var arguments = BenchArguments.Parse(["--json"], out var error);

        Assert.Null(error);
        Assert.NotNull(arguments);
        Assert.True(arguments.Json);
        Assert.Equal(BenchArguments.AllGroups.Order(StringComparer.Ordinal), arguments.Groups.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Groups_and_flags_combine()
    {
        var arguments = BenchArguments.Parse(["rpc", "nlu", "--smoke", "--only", "query"], out _);

        Assert.NotNull(arguments);
        Assert.Equal(["nlu", "rpc"], arguments.Groups.Order(StringComparer.Ordinal));
        Assert.True(arguments.Smoke);
        Assert.Equal("query", arguments.Only);
    }

    [Theory]
    [InlineData("network")]
    [InlineData("--fast")]
    public void Unknown_arguments_are_refused_with_their_name(string argument)
    {
        var arguments = BenchArguments.Parse([argument], out var error);

        Assert.Null(arguments);
        Assert.Contains(argument, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_markdown_exclude_each_other()
    {
        Assert.Null(BenchArguments.Parse(["--json", "--markdown"], out var error));
        Assert.NotNull(error);
    }
}
