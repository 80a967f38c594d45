using System.Collections.Concurrent;
using CourseKit.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Kernel.Server;

/// <summary>
/// The IOPub socket (PUB): outputs, status and display updates broadcast to every front end. Any
/// thread may publish; one thread owns the socket (ZeroMQ sockets are not thread-safe) and sends in
/// the order messages were published.
/// </summary>
internal sealed class IOPubChannel : IDisposable
{
    private readonly BlockingCollection<JupyterMessage> queue = new();
    private readonly Thread sender;
    private readonly WireFormat wire;
    private readonly string session;
    private int pending;

    public IOPubChannel(string address, WireFormat wire, string session)
    {
        this.wire = wire;
        this.session = session;
        var bound = new ManualResetEventSlim();
        sender = new Thread(() => Send(address, bound)) { IsBackground = true, Name = "jupyter iopub" };
        sender.Start();
        bound.Wait();
    }

    /// <summary>Broadcasts a message of <paramref name="type"/> answering <paramref name="parent"/> (none: an empty parent header).</summary>
    public void Publish(string type, System.Text.Json.Nodes.JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(type, content, session, parent) with { Identities = [System.Text.Encoding.UTF8.GetBytes(type)] };
        Interlocked.Increment(ref pending);
        queue.Add(message);
    }

    /// <summary>Publishes <c>status</c> with <paramref name="state"/> (busy, idle, starting).</summary>
    public void Status(string state, JupyterMessage? parent) => Publish("status", new() { ["execution_state"] = state }, parent);

    /// <summary>Waits (at most <paramref name="timeout"/>) until everything published so far has been sent.</summary>
    public void Flush(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref pending) > 0 && DateTime.UtcNow < deadline) Thread.Sleep(5);
    }

    private void Send(string address, ManualResetEventSlim bound)
    {
        using var socket = new PublisherSocket();
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        socket.Bind(address);
        bound.Set();
        foreach (var message in queue.GetConsumingEnumerable())
        {
            socket.SendMultipartBytes(wire.Encode(message));
            Interlocked.Decrement(ref pending);
        }
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        sender.Join(TimeSpan.FromSeconds(2));
    }
}
