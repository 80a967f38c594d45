using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// The frames of a message on a ZeroMQ socket: identities, the delimiter <c>&lt;IDS|MSG&gt;</c>, the
/// HMAC signature, the four JSON frames, then any binary buffers (ignored here).
/// </summary>
public sealed class WireFormat(MessageSigner signer)
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public List<byte[]> Encode(JupyterMessage message)
    {
        byte[][] json = [Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content)];
        var frames = new List<byte[]>(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(json)));
        frames.AddRange(json);
        return frames;
    }

    /// <summary>Decodes received frames; throws <see cref="InvalidDataException"/> on a malformed or wrongly signed message.</summary>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count && delimiter < 0; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) delimiter = i;
        if (delimiter < 0 || frames.Count < delimiter + 6)
            throw new InvalidDataException($"malformed Jupyter message: {frames.Count} frames, delimiter at {delimiter}");
        var json = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), json))
            throw new InvalidDataException("Jupyter message with an invalid signature (is the key in the connection file right?)");
        return new JupyterMessage(Object(json[0]), Object(json[1]), Object(json[2]), Object(json[3]))
        {
            Identities = frames.Take(delimiter).ToArray(),
        };
    }

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString());

    private static JsonObject Object(byte[] frame)
    {
        try { return JsonNode.Parse(frame) as JsonObject ?? []; }
        catch (JsonException e) { throw new InvalidDataException($"malformed JSON in a Jupyter message: {e.Message}", e); }
    }
}
