using System.Text.Json.Nodes;
using CourseKit.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The front-end side of the Jupyter messaging protocol, as nbclient is: requests on shell and
/// control (DEALER sockets), outputs read from IOPub (SUB). Used from one thread.
/// </summary>
internal sealed class JupyterClient : IDisposable
{
    private readonly DealerSocket shell = new();
    private readonly DealerSocket control = new();
    private readonly SubscriberSocket iopub = new();
    private readonly WireFormat wire;
    private readonly string session = Guid.NewGuid().ToString("N");

    public JupyterClient(ConnectionInfo connection)
    {
        wire = new WireFormat(new MessageSigner(connection.Key));
        foreach (var socket in new NetMQSocket[] { shell, control, iopub }) socket.Options.Linger = TimeSpan.Zero;
        shell.Connect(connection.Address(connection.ShellPort));
        control.Connect(connection.Address(connection.ControlPort));
        iopub.Connect(connection.Address(connection.IOPubPort));
        iopub.SubscribeToAnyTopic();
    }

    /// <summary>Sends a request on the shell channel; returns its <c>msg_id</c>.</summary>
    public string Shell(string type, JsonObject content) => Send(shell, type, content);

    /// <summary>Sends a request on the control channel (interrupt, shutdown); returns its <c>msg_id</c>.</summary>
    public string Control(string type, JsonObject content) => Send(control, type, content);

    public JupyterMessage? ReceiveShell(TimeSpan timeout) => Receive(shell, timeout);

    public JupyterMessage? ReceiveControl(TimeSpan timeout) => Receive(control, timeout);

    public JupyterMessage? ReceiveIOPub(TimeSpan timeout) => Receive(iopub, timeout);

    private string Send(NetMQSocket socket, string type, JsonObject content)
    {
        var message = JupyterMessage.Create(type, content, session);
        socket.SendMultipartBytes(wire.Encode(message));
        return message.Id;
    }

    private JupyterMessage? Receive(NetMQSocket socket, TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        return socket.TryReceiveMultipartBytes(timeout, ref frames) ? wire.Decode(frames) : null;
    }

    public void Dispose()
    {
        shell.Dispose();
        control.Dispose();
        iopub.Dispose();
    }
}
