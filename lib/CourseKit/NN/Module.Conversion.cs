using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Replaces the data of every parameter, buffer and gradient with <paramref name="convert"/>'s
            /// result, in place (as PyTorch's <c>param.data = ...</c>): the tensor objects stay the same,
            /// so layers and anyone holding a parameter see the converted data. Entries for which
            /// <paramref name="applies"/> is false are left alone.
            /// </summary>
            internal void ConvertTensors(Func<Tensor, Tensor> convert, Func<Tensor, bool> applies)
            {
                using var _ = no_grad();
                foreach (var module in modules())
                {
                    foreach (var p in module.parameterMap.Values)
                    {
                        if (p is null || !applies(p)) continue;
                        ReplaceData(p, convert);
                        using var g = p.grad;
                        if (g is not null) ReplaceData(g, convert);
                    }
                    foreach (var b in module.bufferMap.Values)
                        if (b is not null && applies(b)) ReplaceData(b, convert);
                }
            }

            private static void ReplaceData(Tensor target, Func<Tensor, Tensor> convert)
            {
                using var converted = convert(target);
                Dispatch.Call("aten::set_data", "", [target, converted]);
            }
        }
    }
}

/// <summary>
/// <c>module.to(...)</c>, <c>module.cuda()</c>, <c>module.cpu()</c>; they return the module with
/// its own type so construction and moving chain: <c>var net = nn.Linear(4, 2).to(device)</c>.
/// Call them before creating an optimizer (as PyTorch recommends): the parameter objects stay
/// the same, but optimizer state created earlier would stay on the old device or dtype.
/// </summary>
public static class ModuleExtensions
{
    /// <summary>Moves every parameter, gradient and buffer to <paramref name="device"/>.</summary>
    public static T to<T>(this T module, torch.Device device) where T : torch.nn.Module
    {
        module.ConvertTensors(t => t.to(device), _ => true);
        return module;
    }

    /// <summary>
    /// Converts the floating-point parameters, gradients and buffers to <paramref name="type"/>
    /// (integer buffers such as BatchNorm's num_batches_tracked keep their dtype).
    /// </summary>
    public static T to<T>(this T module, torch.ScalarType type) where T : torch.nn.Module
    {
        if (!type.IsFloatingPoint())
            throw new ArgumentException($"{module.GetType().Name}.to({type.Name()}): modules can only be converted to floating-point dtypes");
        module.ConvertTensors(t => t.to(type), t => t.is_floating_point());
        return module;
    }

    public static T cpu<T>(this T module) where T : torch.nn.Module => module.to(torch.CPU);

    public static T cuda<T>(this T module, int index = 0) where T : torch.nn.Module =>
        module.to(new torch.Device(torch.DeviceType.CUDA, index));
}
