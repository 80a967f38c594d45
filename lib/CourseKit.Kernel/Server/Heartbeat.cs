using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Kernel.Server;

/// <summary>The heartbeat socket (REP): echoes every message, so a front end can tell the kernel is alive.</summary>
internal static class Heartbeat
{
    public static void Start(string address)
    {
        var bound = new ManualResetEventSlim();
        new Thread(() =>
        {
            using var socket = new ResponseSocket();
            socket.Bind(address);
            bound.Set();
            while (true) socket.SendMultipartBytes(socket.ReceiveMultipartBytes());
        }) { IsBackground = true, Name = "jupyter heartbeat" }.Start();
        bound.Wait();
    }
}
