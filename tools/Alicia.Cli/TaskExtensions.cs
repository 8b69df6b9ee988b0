namespace Alicia.Cli;

internal static class TaskExtensions
{
    /// <summary>Marks a continuation whose outcome nobody awaits (its own failures are irrelevant here).</summary>
    public static void Ignore(this Task task) => _ = task;
}
