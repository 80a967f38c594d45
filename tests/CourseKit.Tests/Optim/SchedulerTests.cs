using static CourseKit.Tests.Optim.OptimReferences;
using static CourseKit.torch.optim.lr_scheduler;

namespace CourseKit.Tests.Optim;

public sealed class SchedulerTests
{
    public static TheoryData<string> Cases => Names("schedules");

    /// <summary>The schedules of make_optim_references.py, by name.</summary>
    private static LRScheduler Create(string name, optim.Optimizer o) => name switch
    {
        "step_3_0.5" => StepLR(o, step_size: 3, gamma: 0.5),
        "step_1_default" => StepLR(o, step_size: 1),
        "cosine_10" => CosineAnnealingLR(o, T_max: 10),
        "cosine_7_min" => CosineAnnealingLR(o, T_max: 7, eta_min: 0.01),
        "linear_default" => LinearLR(o),
        "linear_warmup" => LinearLR(o, start_factor: 0.1, end_factor: 1.0, total_iters: 4),
        "linear_decay" => LinearLR(o, start_factor: 1.0, end_factor: 0.2, total_iters: 6),
        "warmup_cosine" => SequentialLR(o,
            [LinearLR(o, start_factor: 0.1, total_iters: 5), CosineAnnealingLR(o, T_max: 15, eta_min: 0.001)], [5]),
        "warmup_step_cosine" => SequentialLR(o,
            [LinearLR(o, start_factor: 0.25, total_iters: 3), StepLR(o, step_size: 2, gamma: 0.5), CosineAnnealingLR(o, T_max: 8)],
            [4, 10]),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorchSequence(string name)
    {
        var c = Case("schedules", name);
        var expected = c.GetProperty("lrs").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        using var p = new nn.Parameter(zeros(1));
        using var opt = optim.SGD([p], lr: c.GetProperty("lr").GetDouble());
        var schedule = Create(name, opt);
        var actual = new List<double> { schedule.get_last_lr()[0] };
        for (var k = 1; k < expected.Length; k++)
        {
            opt.step();
            schedule.step();
            actual.Add(schedule.get_last_lr()[0]);
            Assert.Equal(actual[^1], opt.LearningRate);
        }
        for (var k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-12 + 1e-9 * Math.Abs(expected[k]),
                $"{name} epoch {k}: expected {expected[k]:R}, got {actual[k]:R}");
    }

    [Fact]
    public void FirstScheduleRecordsTheInitialLearningRate()
    {
        using var p = new nn.Parameter(zeros(1));
        using var opt = optim.Adam([p], lr: 0.2);
        Assert.Null(opt.InitialLearningRate);
        var s = StepLR(opt, step_size: 1, gamma: 0.5);
        Assert.Equal(0.2, opt.InitialLearningRate);
        s.step();
        Assert.Equal(0.1, opt.LearningRate, 15);
        Assert.Equal(1, s.last_epoch);
        var later = CosineAnnealingLR(opt, T_max: 4);
        Assert.Equal(0.2, later.BaseLearningRate);
    }

    [Fact]
    public void WrongSettingsNameTheSchedule()
    {
        using var p = new nn.Parameter(zeros(1));
        using var opt = optim.SGD([p], lr: 0.1);
        using var other = optim.SGD([p], lr: 0.1);
        Assert.Contains("StepLR", Assert.Throws<ArgumentOutOfRangeException>(() => StepLR(opt, 0)).Message);
        Assert.Contains("CosineAnnealingLR", Assert.Throws<ArgumentOutOfRangeException>(() => CosineAnnealingLR(opt, 0)).Message);
        Assert.Contains("LinearLR", Assert.Throws<ArgumentOutOfRangeException>(() => LinearLR(opt, start_factor: 0)).Message);
        var a = LinearLR(opt);
        var b = StepLR(opt, 2);
        Assert.Contains("milestones", Assert.Throws<ArgumentException>(() => SequentialLR(opt, [a, b], [])).Message);
        Assert.Contains("increasing", Assert.Throws<ArgumentException>(() => SequentialLR(opt, [a, b, a], [3, 3])).Message);
        Assert.Contains("different optimizer", Assert.Throws<ArgumentException>(() => SequentialLR(other, [a, b], [3])).Message);
    }
}
