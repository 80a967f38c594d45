using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CourseKit.Display;

/// <summary>
/// A progress display: step / total, the loss smoothed by an exponential moving average,
/// steps per second and the estimated time left. Made by <see cref="Progress.Start"/>; dispose it
/// (or reach the last step) to show the final state.
/// </summary>
[TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.Html, DisplayOutput.PlainText])]
public sealed class ProgressBar : IRichDisplay, IDisposable
{
    /// <summary>Longest time between two printed lines in a terminal.</summary>
    public static readonly TimeSpan DefaultPrintInterval = TimeSpan.FromSeconds(10);

    /// <summary>Shortest time between two in-place updates of a notebook output.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Weight of the newest loss in the moving average: m_t = (1 - β) x_t + β m_{t-1}, β = 0.9,
    /// shown bias-corrected as m_t / (1 - β^t) (the correction Adam uses, Kingma and Ba 2015, sec. 3).
    /// </summary>
    public const double LossSmoothing = 0.9;

    private readonly IDisplayHost host;
    private readonly Func<TimeSpan> clock;
    private readonly CancellationToken cancellation;
    private readonly DisplayHandle? handle;
    private readonly object gate = new();
    private double lossAverage;
    private long lossCount;
    private TimeSpan lastShown;
    private int lastDecile;
    private bool finished;

    internal ProgressBar(long total, string label, IDisplayHost host, Func<TimeSpan> clock)
    {
        if (total < 1) throw new ArgumentOutOfRangeException(nameof(total), $"Progress.Start: total must be at least 1, got {total}");
        Total = total;
        Label = label;
        this.host = host;
        this.clock = clock;
        cancellation = host.Cancellation;
        Started = clock();
        lastShown = Started;
        if (host.UpdatesInPlace) handle = host.Display(this, []);
    }

    internal static Func<TimeSpan> StopwatchClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    public string Label { get; }

    public long Total { get; }

    /// <summary>Steps done so far.</summary>
    public long Step { get; private set; }

    /// <summary>The smoothed loss, or null before the first loss was reported.</summary>
    public double? Loss => lossCount == 0 ? null : lossAverage / (1 - Math.Pow(LossSmoothing, lossCount));

    private TimeSpan Started { get; }

    private TimeSpan Elapsed => clock() - Started;

    /// <summary>Steps per second since the start.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Step / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to the last step at the current rate, or null while unknown.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Step) / Rate) : null;

    /// <summary>
    /// Records that <paramref name="step"/> steps are done (and the step's loss); refreshes the
    /// display when due. Throws <see cref="OperationCanceledException"/> when the host asks the
    /// cell to stop, so loops with a progress bar end cleanly when the cell is interrupted.
    /// </summary>
    public void Update(long step, double? loss = null)
    {
        cancellation.ThrowIfCancellationRequested();
        if (step < 0 || step > Total)
            throw new ArgumentOutOfRangeException(nameof(step), $"ProgressBar.Update: step must be in [0, {Total}], got {step}");
        lock (gate)
        {
            Step = step;
            if (loss is { } x && double.IsFinite(x))
            {
                lossAverage = (1 - LossSmoothing) * x + LossSmoothing * lossAverage;
                lossCount++;
            }
            if (step == Total) Finish();
            else if (IsDue()) Show();
        }
    }

    /// <summary>Shows the final state (once).</summary>
    public void Dispose()
    {
        lock (gate) Finish();
    }

    private void Finish()
    {
        if (finished) return;
        finished = true;
        Show();
    }

    private bool IsDue()
    {
        var sinceShown = clock() - lastShown;
        if (host.UpdatesInPlace) return sinceShown >= RefreshInterval;
        return sinceShown >= DefaultPrintInterval || (int)(10 * Step / Total) > lastDecile;
    }

    private void Show()
    {
        lastShown = clock();
        lastDecile = (int)(10 * Step / Total);
        if (handle is not null) handle.Update(this);
        else host.Display(new DisplayOutput(Line()), []);
    }

    /// <summary>One line: <c>label: 450/1000 (45%) loss 0.1234 | 12.3 it/s | ETA 0:45</c>.</summary>
    public string Line()
    {
        var text = $"{Label}: {Step}/{Total} ({100 * Step / Total}%)";
        if (Loss is { } l) text += " loss " + l.ToString("0.0000", CultureInfo.InvariantCulture);
        text += " | " + Rate.ToString(Rate >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " it/s";
        text += Step == Total || finished ? " | " + Duration(Elapsed) + " total" : Eta is { } eta ? " | ETA " + Duration(eta) : "";
        return text;
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";

    public DisplayOutput ToDisplay()
    {
        var line = Line();
        var html =
            "<div class=\"coursekit-progress\" style=\"font-family:monospace\">" +
            $"<progress max=\"{Total}\" value=\"{Step}\" style=\"width:240px;vertical-align:middle\"></progress> " +
            WebUtility.HtmlEncode(line) + "</div>";
        return DisplayOutput.FromHtml(html, line);
    }
}
