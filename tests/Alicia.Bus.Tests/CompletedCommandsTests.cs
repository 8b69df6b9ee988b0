using Alicia.Contracts;

namespace Alicia.Bus.Tests;

public sealed class CompletedCommandsTests
{
    [Fact]
    public void A_completed_command_is_answered_again_not_rerun()
    {
        var completed = new CompletedCommands(10);
        Assert.Equal(CompletedCommands.Claim.Run, completed.TryClaim("a", out _));
        Assert.Equal(CompletedCommands.Claim.AlreadyRunning, completed.TryClaim("a", out _));

        completed.Complete("a", new Reply(true), remember: true);

        Assert.Equal(CompletedCommands.Claim.AlreadyDone, completed.TryClaim("a", out var reply));
        Assert.True(reply!.Ok);
    }

    [Fact]
    public void A_transient_failure_is_forgotten_so_the_retry_runs()
    {
        var completed = new CompletedCommands(10);
        completed.TryClaim("a", out _);

        completed.Complete("a", new Reply(false, Error: "busy", Retryable: true), remember: false);

        Assert.Equal(CompletedCommands.Claim.Run, completed.TryClaim("a", out _));
    }

    [Fact]
    public void Forgets_the_oldest_past_capacity()
    {
        var completed = new CompletedCommands(2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            completed.TryClaim(id, out _);
            completed.Complete(id, new Reply(true), remember: true);
        }

        Assert.Equal(CompletedCommands.Claim.Run, completed.TryClaim("a", out _));
        Assert.Equal(CompletedCommands.Claim.AlreadyDone, completed.TryClaim("c", out _));
    }
}
