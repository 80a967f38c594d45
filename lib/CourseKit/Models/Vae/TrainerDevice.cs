using static CourseKit.torch;

namespace CourseKit.Models;

/// <summary>Puts a training batch on the device a trainer runs on.</summary>
internal static class TrainerDevice
{
    /// <summary>
    /// <paramref name="x"/> itself when it already lives on <paramref name="device"/>, otherwise a copy
    /// there (owned by the caller's dispose scope). A device without an index matches any index of its kind.
    /// </summary>
    public static Tensor Move(Tensor x, Device device)
    {
        var current = x.device;
        var same = current.type == device.type && (device.index < 0 || current.index < 0 || current.index == device.index);
        return same ? x : x.to(device);
    }
}
