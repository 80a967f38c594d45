using System.Text.Json.Nodes;
using CourseKit.Kernel.Hosting;
using CourseKit.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Kernel.Server;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) around the C# kernel: shell requests run one at a time
/// on the calling thread; control (interrupt, shutdown), heartbeat and IOPub each have a thread of
/// their own, so an interrupt reaches a kernel busy with a long cell. Every request is framed by
/// <c>status: busy</c> and <c>status: idle</c> on IOPub. A request the kernel cannot handle (content
/// of the wrong type, say) gets an error reply; the kernel goes on. The stdin socket is bound but
/// the kernel sends no <c>input_request</c>: console input does not reach the front end.
/// </summary>
internal sealed class JupyterKernelServer : IDisposable
{
    private readonly ConnectionInfo connection;
    private readonly WireFormat wire;
    private readonly string session = Guid.NewGuid().ToString("N");
    private readonly IOPubChannel iopub;
    private readonly CodeExecutor executor;
    private readonly CodeIntelligence intelligence;
    private readonly TextWriter log;

    public JupyterKernelServer(ConnectionInfo connection, TextWriter log)
    {
        this.connection = connection;
        this.log = log;
        wire = new WireFormat(new MessageSigner(connection.Key));
        Heartbeat.Start(connection.Address(connection.HeartbeatPort)); // before the C# kernel's slow start: front ends ping at once
        iopub = new IOPubChannel(connection.Address(connection.IOPubPort), wire, session);
        var kernel = InteractiveKernel.Create();
        executor = new CodeExecutor(kernel, iopub);
        intelligence = new CodeIntelligence(kernel);
    }

    /// <summary>Serves until a <c>shutdown_request</c> arrives, then ends the process.</summary>
    public void Run()
    {
        using var stdin = new RouterSocket();
        stdin.Bind(connection.Address(connection.StdinPort));
        var control = new Thread(() => Serve(connection.ControlPort, "control")) { IsBackground = true, Name = "jupyter control" };
        control.Start();
        iopub.Status("starting", parent: null);
        Serve(connection.ShellPort, "shell");
    }

    private void Serve(int port, string channel)
    {
        using var socket = new RouterSocket();
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        socket.Bind(connection.Address(port));
        while (true)
        {
            var frames = socket.ReceiveMultipartBytes();
            JupyterMessage request;
            try { request = wire.Decode(frames); }
            catch (InvalidDataException e)
            {
                log.WriteLine($"coursekit-kernel: {channel}: message dropped: {e.Message}");
                continue;
            }
            iopub.Status("busy", request);
            try
            {
                if (Reply(request, channel) is var (type, content))
                    socket.SendMultipartBytes(wire.Encode(JupyterMessage.Create(type, content, session, request)));
            }
            finally
            {
                iopub.Status("idle", request);
            }
            if (request.Type == "shutdown_request") Exit();
        }
    }

    /// <summary>Ends the process once IOPub has sent what was published (the C# kernel may be busy on another thread).</summary>
    private void Exit()
    {
        iopub.Flush(TimeSpan.FromSeconds(2));
        Environment.Exit(0);
    }

    private (string Type, JsonObject Content)? Reply(JupyterMessage request, string channel)
    {
        try { return Handle(request); }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            log.WriteLine($"coursekit-kernel: {channel}: {request.Type} failed: {e.Message}");
            return (request.Type.Replace("_request", "_reply", StringComparison.Ordinal), new JsonObject
            {
                ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = $"{request.Type}: {e.Message}", ["traceback"] = new JsonArray(),
            });
        }
    }

    /// <summary>The reply to <paramref name="request"/> (type and content), or null for a message that takes none.</summary>
    private (string Type, JsonObject Content)? Handle(JupyterMessage request)
    {
        var content = request.Content;
        switch (request.Type)
        {
            case "kernel_info_request":
                return ("kernel_info_reply", KernelInfo.Reply());
            case "execute_request":
                return ("execute_reply", executor.Execute(request));
            case "complete_request":
                var code = (string?)content["code"] ?? "";
                return ("complete_reply", intelligence.Complete(code, (int?)content["cursor_pos"] ?? code.Length));
            case "is_complete_request":
                return ("is_complete_reply", CodeIntelligence.IsComplete((string?)content["code"] ?? ""));
            case "inspect_request":
                return ("inspect_reply", new JsonObject { ["status"] = "ok", ["found"] = false, ["data"] = new JsonObject(), ["metadata"] = new JsonObject() });
            case "history_request":
                return ("history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
            case "comm_info_request":
                return ("comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
            case "interrupt_request":
                executor.Interrupt();
                return ("interrupt_reply", new JsonObject { ["status"] = "ok" });
            case "shutdown_request":
                return ("shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = (bool?)content["restart"] ?? false });
            default:
                log.WriteLine($"coursekit-kernel: unsupported message type '{request.Type}' ignored");
                return null;
        }
    }

    public void Dispose() => iopub.Dispose();
}
