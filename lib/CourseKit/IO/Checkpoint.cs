namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// Saves named tensors (a model's <c>state_dict()</c>, an optimizer's moments, ...) as a
    /// safetensors file (see <see cref="Safetensors"/>), with optional string metadata. The file is
    /// written under a temporary name in the same folder, flushed to disk, then renamed over
    /// <paramref name="path"/>: an interrupted save never leaves a partial file under that name,
    /// and a failed save removes its temporary file.
    /// </summary>
    public static void save(IDictionary<string, Tensor> tensors, string path, IDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        var temporary = $"{target}.tmp-{Guid.NewGuid():N}";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                Safetensors.Write(file, tensors, metadata);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // The original failure matters more than a leftover temporary file.
            }
            throw;
        }
    }

    /// <summary>Loads every tensor of a safetensors file (onto the CPU), by name, in the file's data order.</summary>
    public static Dictionary<string, Tensor> load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Safetensors.Read(file, path);
    }
}
