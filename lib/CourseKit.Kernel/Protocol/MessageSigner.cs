using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over the four JSON frames (header, parent header, metadata, content), hex-encoded:
/// the signature every Jupyter message carries. An empty key means unsigned messages (empty signature).
/// </summary>
public sealed class MessageSigner(string key)
{
    public const string Scheme = "hmac-sha256";

    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    public string Sign(IReadOnlyList<byte[]> frames)
    {
        if (key.Length == 0) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var frame in frames) hmac.AppendData(frame);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> frames) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(frames)), Encoding.ASCII.GetBytes(signature));
}
