using System.Runtime.CompilerServices;

namespace Filing.Tests.TestSupport;

/// <summary>Process-wide settings applied before any test host is built.</summary>
internal static class TestHostDefaults
{
    /// <summary>
    /// Each in-process host would otherwise watch appsettings*.json with its own inotify instance; the suite builds
    /// more hosts than the common per-user limit of 128 (CI failed on exactly that), and tests never edit config files.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableConfigurationReload()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
