namespace Alicia.Testing;

/// <summary>What an ACL line grants; readwrite is both flags.</summary>
[Flags]
public enum AclAccess
{
    None = 0,
    Read = 1,
    Write = 2,
    ReadWrite = Read | Write,
}
