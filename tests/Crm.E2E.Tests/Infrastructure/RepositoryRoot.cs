namespace Crm.E2E.Tests.Infrastructure;

/// <summary>The folder holding Crm.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "Crm.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Crm.sln above {AppContext.BaseDirectory}.");
    }
}
