using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    /// <summary>
    /// Checks that <paramref name="device"/> can hold tensors in this process and returns it; throws
    /// <see cref="InvalidOperationException"/> saying why not otherwise (a CPU-only libtorch, no GPU
    /// visible, an index past the last GPU). Same name as TorchSharp's. Notebooks call it on their
    /// <c>Device</c> parameter first, and a notebook runner can call it before running anything.
    /// </summary>
    public static Device InitializeDevice(Device device) => DeviceCheck.Available(device);

    /// <summary>Same as <see cref="InitializeDevice(Device)"/> for a description such as <c>"cuda:1"</c>.</summary>
    public static Device InitializeDevice(string device) => DeviceCheck.Available(new Device(device));

    /// <summary>Checks that devices of <paramref name="type"/> are available (see <see cref="InitializeDevice(Device)"/>).</summary>
    public static void InitializeDeviceType(DeviceType type) => DeviceCheck.Available(new Device(type));
}

/// <summary>
/// Turns a request for a device this process cannot use into one clear message, before libtorch
/// answers it with a dispatcher error listing every backend it was built with. Every device that
/// reaches an operator passes through here (<see cref="Arg"/>), so <c>.to("cuda")</c>, factories with
/// <c>device:</c> and data loaders all fail the same way.
/// </summary>
internal static class DeviceCheck
{
    private static readonly Lazy<(bool Compiled, int Count)> Cuda = new(() =>
        (NativeMethods.ck_cuda_compiled() != 0, NativeMethods.ck_cuda_device_count()));

    public static torch.Device Available(torch.Device device)
    {
        if (device.type == torch.DeviceType.CPU) return device;
        var (compiled, count) = Cuda.Value;
        if (!compiled)
            throw new InvalidOperationException(
                $"CUDA is not available: this CourseKit bridge was built against a CPU-only libtorch ({torch.libtorch_version}). " +
                "To use a GPU, rebuild it against a CUDA build of libtorch (set LIBTORCH, see the README, " +
                "\"Building for a CUDA GPU\"), or use device \"cpu\".");
        if (count == 0)
            throw new InvalidOperationException(
                "CUDA is not available: the bridge was built with CUDA, but no GPU is visible to this process " +
                "(check the NVIDIA driver and CUDA_VISIBLE_DEVICES), or use device \"cpu\".");
        if (device.index >= count)
            throw new InvalidOperationException(
                $"CUDA device {device} is not available: this machine has {count} GPU{(count == 1 ? "" : "s")} (cuda:0 to cuda:{count - 1}).");
        return device;
    }
}
