namespace Alicia.Reliability.Tests;

/// <summary>The process's managed memory once garbage that finalizers release has been collected too.</summary>
internal static class ManagedMemory
{
    public static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
