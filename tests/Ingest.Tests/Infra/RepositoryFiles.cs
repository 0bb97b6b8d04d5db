using System.Reflection;

namespace Ingest.Tests.Infra;

/// <summary>Files of the repository under test, found through paths the build wrote into this assembly.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The Bicep CLI that restore downloaded (Azure.Bicep.CommandLine.linux-x64).</summary>
    public static string BicepCli { get; } = Metadata("BicepCliPath");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadAllText(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string Metadata(string key) =>
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; see Ingest.Tests.csproj.");
}
