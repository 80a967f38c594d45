using CourseKit.Display;

namespace CourseKit.Notebooks.Tests;

/// <summary>Progress bars with a fake clock: when they print or refresh, what they show, smoothing, cancellation.</summary>
public sealed class ProgressTests
{
    private sealed class Clock
    {
        public TimeSpan Now;

        public Func<TimeSpan> Read => () => Now;
    }

    [Fact]
    public void In_a_terminal_a_line_is_printed_at_each_tenth_and_a_final_line()
    {
        var host = new FakeHost(updatesInPlace: false);
        var clock = new Clock();
        var bar = new ProgressBar(100, "fit", host, clock.Read);

        for (var step = 1; step <= 100; step++)
        {
            clock.Now += TimeSpan.FromMilliseconds(20);
            bar.Update(step, loss: 2.0);
        }
        bar.Dispose();

        Assert.Equal(10, host.Shown.Count);
        Assert.Equal("fit: 10/100 (10%) loss 2.0000 | 50.0 it/s | ETA 0:01", host.Shown[0].Text);
        Assert.Equal("fit: 100/100 (100%) loss 2.0000 | 50.0 it/s | 0:02 total", host.Shown[^1].Text);
    }

    [Fact]
    public void In_a_terminal_slow_loops_print_at_most_every_ten_seconds()
    {
        var host = new FakeHost(updatesInPlace: false);
        var clock = new Clock();
        using (var bar = new ProgressBar(1000, "slow", host, clock.Read))
        {
            for (var step = 1; step <= 20; step++)
            {
                clock.Now += TimeSpan.FromSeconds(3);
                bar.Update(step);
            }
        }

        // Printed at 12, 24, 36, 48 and 60 s, then the final line when disposed.
        Assert.Equal(6, host.Shown.Count);
        Assert.Equal("slow: 4/1000 (0%) | 0.3 it/s | ETA 49:48", host.Shown[0].Text);
        Assert.Equal("slow: 20/1000 (2%) | 0.3 it/s | 1:00 total", host.Shown[^1].Text);
    }

    [Fact]
    public void In_a_notebook_one_output_is_updated_in_place_and_ends_at_the_final_state()
    {
        var host = new FakeHost(updatesInPlace: true);
        var clock = new Clock();
        var bar = new ProgressBar(10, "train", host, clock.Read);

        for (var step = 1; step <= 10; step++)
        {
            clock.Now += TimeSpan.FromMilliseconds(100);
            bar.Update(step, loss: 1.0);
        }
        bar.Dispose();

        Assert.Equal(["train: 0/10 (0%) | 0.0 it/s"], host.Shown.Select(o => o.Text));
        // Refreshed at most every 250 ms (steps 3, 6, 9) and at the last step; disposing adds nothing.
        Assert.Equal(4, host.Updates.Count);
        Assert.Equal("train: 10/10 (100%) loss 1.0000 | 10.0 it/s | 0:01 total", host.Updates[^1].Text);
        Assert.Contains("<progress max=\"10\" value=\"10\"", host.Updates[^1].Get(DisplayOutput.Html));
    }

    [Fact]
    public void The_loss_is_a_bias_corrected_moving_average()
    {
        var bar = new ProgressBar(10, "x", new FakeHost(true), () => TimeSpan.Zero);
        Assert.Null(bar.Loss);

        bar.Update(1, 1.0);
        Assert.Equal(1.0, bar.Loss!.Value, 12);
        bar.Update(2, 3.0);
        // m2 = 0.1 * 3 + 0.9 * (0.1 * 1) = 0.39; corrected by 1 - 0.9^2 = 0.19.
        Assert.Equal(0.39 / 0.19, bar.Loss!.Value, 12);
        bar.Update(3, double.NaN);
        Assert.Equal(0.39 / 0.19, bar.Loss!.Value, 12);
    }

    [Fact]
    public void Update_throws_when_the_host_cancels_and_checks_its_arguments()
    {
        using var cancel = new CancellationTokenSource();
        var bar = new ProgressBar(10, "x", new FakeHost(true, cancel.Token), () => TimeSpan.Zero);
        bar.Update(1);
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => bar.Update(2));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Progress.Start(0, "x"));
        Assert.Contains("Progress.Start: total must be at least 1, got 0", error.Message);
        var fresh = new ProgressBar(10, "x", new FakeHost(true), () => TimeSpan.Zero);
        Assert.Contains("step must be in [0, 10], got 11", Assert.Throws<ArgumentOutOfRangeException>(() => fresh.Update(11)).Message);
    }
}
