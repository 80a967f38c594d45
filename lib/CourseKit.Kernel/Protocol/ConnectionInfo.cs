using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourseKit.Kernel.Protocol;

/// <summary>
/// A Jupyter connection file: where the kernel's five sockets listen and the key that signs every
/// message (Jupyter messaging protocol, "Connection files"). The front end writes it and passes its
/// path to the kernel (<c>{connection_file}</c> in the kernelspec's argv).
/// </summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IOPubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = MessageSigner.Scheme;
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    /// <summary>The ZeroMQ address of one socket, e.g. <c>tcp://127.0.0.1:50123</c>.</summary>
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>Reads a connection file; a missing or malformed file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static ConnectionInfo Load(string path)
    {
        try
        {
            var info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path))
                       ?? throw new InvalidDataException($"{path}: the connection file is empty");
            if (info.SignatureScheme != MessageSigner.Scheme && info.Key.Length > 0)
                throw new InvalidDataException($"{path}: signature scheme '{info.SignatureScheme}' is not supported (only {MessageSigner.Scheme})");
            return info;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the Jupyter connection file: {e.Message}", e);
        }
    }

    /// <summary>A connection on free loopback ports with a fresh random key, as a front end makes one.</summary>
    public static ConnectionInfo CreateLocal()
    {
        var ports = FreePorts(5);
        return new ConnectionInfo
        {
            ShellPort = ports[0], IOPubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3], HeartbeatPort = ports[4],
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        };
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
