namespace Filing.Tests.TestSupport;

/// <summary>Finds the repository root (the folder holding Filing.sln) from the test output folder.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Filing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Filing.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Find() => Root.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
