using CourseKit.Models;

namespace CourseKit.Tests;

/// <summary>Device requests: one clear message when CUDA cannot be used, and trainers that follow the model's device.</summary>
public sealed class DeviceTests
{
    private const string NoCuda = "CUDA is not available: this CourseKit bridge was built against a CPU-only libtorch";

    public static TheoryData<string> CudaRequests => new()
    {
        "to", "factory", "InitializeDevice", "loader",
    };

    [Theory]
    [MemberData(nameof(CudaRequests))]
    public void CudaOnACpuOnlyBuildRaisesOneClearMessage(string how)
    {
        if (cuda.is_available()) return;                                  // this check is about CPU-only builds
        using var x = ones(2, 3);
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            switch (how)
            {
                case "to": x.to(CUDA).Dispose(); break;
                case "factory": randn([2, 3], device: "cuda").Dispose(); break;
                case "InitializeDevice": InitializeDevice("cuda:0"); break;
                case "loader":
                    using (var y = zeros([2], int64))
                        foreach (var (bx, by) in new CourseKit.Data.DataLoader(x, y, batch_size: 2, device: "cuda")) bx.Dispose();
                    break;
            }
        });
        Assert.StartsWith(NoCuda, e.Message);
        Assert.DoesNotContain("Dispatcher", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void CpuIsAlwaysAvailable()
    {
        Assert.Equal(CPU, InitializeDevice("cpu"));
        InitializeDeviceType(DeviceType.CPU);
    }

    [Fact]
    public void AnUnknownDeviceNameIsRejectedWhenParsed()
    {
        var e = Assert.Throws<ArgumentException>(() => InitializeDevice("tpu"));
        Assert.Contains("unknown device 'tpu'", e.Message);
    }

    [Fact]
    public void VaeTrainerRunsOnTheDeviceItIsGiven()
    {
        using var model = new VariationalAutoencoder(new MlpAutoencoderSettings { LatentSize = 4 });
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var x = (rand(8, 784) < 0.5).to(float32);
        var log = VaeTrainer.Step(model, optimizer, x, device: CPU);
        Assert.True(double.IsFinite(log.Total));
    }
}
