using CourseKit.Data;

namespace CourseKit.Tests.Data;

[CollectionDefinition(nameof(EnvironmentVariableCollection), DisableParallelization = true)]
public sealed class EnvironmentVariableCollection;

/// <summary>Changes COURSEKIT_DATASETS, so it runs alone, after the tests that run in parallel.</summary>
[Collection(nameof(EnvironmentVariableCollection))]
public sealed class DatasetsRootTests : IDisposable
{
    private readonly string? saved = Environment.GetEnvironmentVariable(Datasets.EnvironmentVariable);
    private readonly IdxTestFiles files = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Datasets.EnvironmentVariable, saved);
        files.Dispose();
    }

    [Fact]
    public void EnvironmentVariableWins()
    {
        Environment.SetEnvironmentVariable(Datasets.EnvironmentVariable, files.Folder);
        Assert.Equal(Path.GetFullPath(files.Folder), Datasets.Root);
    }

    [Fact]
    public void EnvironmentVariableNamingMissingFolderIsReported()
    {
        var missing = Path.Combine(files.Folder, "no-such-folder");
        Environment.SetEnvironmentVariable(Datasets.EnvironmentVariable, missing);
        var e = Assert.Throws<DirectoryNotFoundException>(() => Datasets.Root);
        Assert.Contains(missing, e.Message);
        Assert.Contains(Datasets.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void WithoutVariableTheRepositoryFolderIsFound()
    {
        Environment.SetEnvironmentVariable(Datasets.EnvironmentVariable, null);
        Assert.True(File.Exists(Path.Combine(Datasets.Root, Checksums.FileName)));
    }
}
