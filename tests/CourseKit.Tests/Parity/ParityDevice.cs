namespace CourseKit.Tests.Parity;

/// <summary>
/// The device the parity cases run on: <c>COURSEKIT_TEST_DEVICE</c> (<c>cpu</c> when unset; <c>cuda</c> on a
/// machine whose bridge was built against a CUDA libtorch, see the README's "Building for a CUDA GPU").
/// Inputs and modules are moved there, results are copied back and compared with the CPU goldens.
/// </summary>
internal static class ParityDevice
{
    public static readonly torch.Device Current =
        torch.InitializeDevice(Environment.GetEnvironmentVariable("COURSEKIT_TEST_DEVICE") is { Length: > 0 } d ? d : "cpu");

    public static bool IsCuda => Current.type == torch.DeviceType.CUDA;
}
