namespace Alicia.Reliability.Tests;

/// <summary>
/// Tests that judge the process's managed memory (their services run in the test process) run alone:
/// another test allocating meanwhile would show up as their growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ManagedMemoryGroup
{
    public const string Name = "managed memory";
}
