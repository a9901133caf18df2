namespace Crm.Web.Tests.Support;

/// <summary>The source tree the tests were built from: the folder holding Crm.sln, found by walking up from the test binaries.</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<DirectoryInfo> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Crm.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No Crm.sln above {AppContext.BaseDirectory}.");
    });

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value.FullName, .. parts]);

    /// <summary>Source files under a project folder, without build output.</summary>
    public static IEnumerable<string> SourceFiles(string project, params string[] extensions) =>
        Directory.EnumerateFiles(PathOf(project), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
}
