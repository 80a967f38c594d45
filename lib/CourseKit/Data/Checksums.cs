using System.Security.Cryptography;

namespace CourseKit.Data;

/// <summary>
/// SHA-256 checks of the shipped dataset files against <c>datasets/checksums.sha256</c>, a
/// list in the format of GNU coreutils' <c>sha256sum</c>: one line per file, 64 hex digits,
/// two spaces (or a space and <c>*</c>), then the path relative to the datasets folder.
/// </summary>
public static class Checksums
{
    /// <summary>The name of the checksum list inside a datasets folder.</summary>
    public const string FileName = "checksums.sha256";

    /// <summary>The lower-case hex SHA-256 of the file at <paramref name="path"/>.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>
    /// Parses a <c>sha256sum</c> list: relative path (with <c>/</c> separators) to lower-case hex
    /// digest. Blank lines are skipped; any other line not in the format raises an
    /// <see cref="InvalidDataException"/> naming the list and the line number.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(string listPath)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(listPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var separated = line.Length > 66 && line[64] == ' ' && line[65] is ' ' or '*';
            var digest = separated ? line[..64] : "";
            if (!separated || !digest.All(Uri.IsHexDigit))
                throw new InvalidDataException(
                    $"{Path.GetFullPath(listPath)}, line {lineNumber}: expected 64 hex digits, two spaces and a path (sha256sum format), got \"{line}\"");
            sums[Normalize(line[66..])] = digest.ToLowerInvariant();
        }
        return sums;
    }

    /// <summary>
    /// Checks <paramref name="root"/>/<paramref name="relativePath"/> against the list
    /// <paramref name="root"/>/checksums.sha256. Returns true when the file is listed and its
    /// digest matches, false when the folder has no list or the list does not name the file
    /// (a dataset of your own, such as the full MNIST, is read without a check).
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The digest differs; the message names the file, the expected and the actual digest.
    /// </exception>
    public static bool Verify(string root, string relativePath)
    {
        var listPath = Path.Combine(root, FileName);
        if (!File.Exists(listPath)) return false;
        if (!Read(listPath).TryGetValue(Normalize(relativePath), out var expected)) return false;
        var file = Path.GetFullPath(Path.Combine(root, relativePath));
        var actual = Sha256(file);
        if (actual != expected)
            throw new InvalidDataException(
                $"{file}: SHA-256 mismatch, the file is not the one shipped with CourseKit (damaged or replaced). " +
                $"Expected {expected} (from {Path.GetFullPath(listPath)}), actual {actual}. " +
                "Restore the file from the repository, or rebuild the datasets with datasets/build_datasets.sh.");
        return true;
    }

    private static string Normalize(string relativePath)
    {
        var p = relativePath.Trim().Replace('\\', '/');
        return p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
    }
}
