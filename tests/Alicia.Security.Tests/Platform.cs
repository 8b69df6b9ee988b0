using System.Runtime.Versioning;

// The suite drives mosquitto, openssl and POSIX file modes: Linux only.
[assembly: SupportedOSPlatform("linux")]
