using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// One message of the Jupyter messaging protocol (version <see cref="ProtocolVersion"/>): the routing
/// identities a ROUTER socket adds, then header, parent header, metadata and content as JSON objects.
/// </summary>
public sealed record JupyterMessage(JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    public const string ProtocolVersion = "5.3";

    /// <summary>ZeroMQ routing identities (ROUTER sockets); empty on PUB/SUB and DEALER.</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    public string Type => (string?)Header["msg_type"] ?? "";

    public string Id => (string?)Header["msg_id"] ?? "";

    /// <summary>The <c>msg_id</c> of the request this message answers (empty when none).</summary>
    public string ParentId => (string?)ParentHeader["msg_id"] ?? "";

    /// <summary>A new message of <paramref name="type"/> in <paramref name="session"/>, answering <paramref name="parent"/> when given.</summary>
    public static JupyterMessage Create(string type, JsonObject content, string session, JupyterMessage? parent = null) =>
        new(NewHeader(type, session), parent is null ? [] : (JsonObject)parent.Header.DeepClone(), [], content)
        {
            Identities = parent?.Identities ?? [],
        };

    private static JsonObject NewHeader(string type, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "coursekit",
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = ProtocolVersion,
    };
}
