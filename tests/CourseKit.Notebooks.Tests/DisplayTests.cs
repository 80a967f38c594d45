using CourseKit.Display;
using Microsoft.DotNet.Interactive.Formatting;
using static CourseKit.torch;

namespace CourseKit.Notebooks.Tests;

/// <summary>Rich display: bundles, tensors, .NET Interactive's real formatter on CourseKit types, the console host.</summary>
public sealed class DisplayTests
{
    [Fact]
    public void Plain_values_become_invariant_text()
    {
        Assert.Equal("1.5", DisplayOutput.From(1.5).Text);
        Assert.Equal("<null>", DisplayOutput.From(null).Text);
        Assert.Equal("[1, 2, 3]", DisplayOutput.From(new List<int> { 1, 2, 3 }).Text);
        Assert.Equal("[\"a\", \"b\"]", DisplayOutput.From(new[] { "a", "b" }).Text);
        Assert.Equal("[" + string.Join(", ", Enumerable.Range(0, 20)) + ", ...]", DisplayOutput.From(Enumerable.Range(0, 100)).Text);
        Assert.Equal(["text/plain"], DisplayOutput.From("x").Data.Keys);
    }

    [Fact]
    public void Bundles_are_immutable_and_can_be_restricted()
    {
        var html = DisplayOutput.FromHtml("<b>x</b>", "x");
        var both = html.With(DisplayOutput.Svg, "<svg/>");

        Assert.Equal(["text/plain", "text/html"], html.Data.Keys);
        Assert.Equal(["text/plain", "text/html", "image/svg+xml"], both.Data.Keys);
        Assert.Equal(["text/plain", "image/svg+xml"], both.Only([DisplayOutput.Svg]).Data.Keys);
        Assert.Same(both, both.Only([]));
        Assert.Equal("<pre>a &lt; b</pre>", DisplayOutput.FromText("a < b").ToHtml());
        Assert.Equal("<img src=\"data:image/png;base64,AQI=\" alt=\"two bytes\">", DisplayOutput.FromPng([1, 2], "two bytes").ToHtml());
        Assert.Throws<ArgumentException>(() => html.With(" ", "x"));
    }

    [Fact]
    public void Small_2d_tensors_show_as_a_table_with_a_summary()
    {
        using var t = tensor(new float[] { 1, 2.5f, -3, 4, 5, 6 }, [2, 3]);

        var output = DisplayOutput.From(t);

        Assert.Equal(t.ToString(), output.Text);
        var html = output.Get(DisplayOutput.Html)!;
        Assert.Contains("<code>Tensor[2, 3] float32</code>", html);
        Assert.Contains(">2.5000</td>", html);
        Assert.Contains(">-3.0000</td>", html);
        Assert.Equal(2, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public void Other_tensors_show_their_text()
    {
        using var cube = zeros(2, 2, 2);
        using var wide = zeros(2, TensorDisplay.MaxTableSide + 1);
        using var ints = tensor(new long[] { 7, 8 });

        Assert.Contains("<pre>tensor([[[0.0000, 0.0000],", DisplayOutput.From(cube).Get(DisplayOutput.Html));
        Assert.Contains("<pre>tensor(", DisplayOutput.From(wide).Get(DisplayOutput.Html));
        Assert.Contains(">7</td><td style=\"padding:1px 6px;border:1px solid #ddd\">8</td>", DisplayOutput.From(ints).Get(DisplayOutput.Html));
        var disposed = zeros(1);
        disposed.Dispose();
        Assert.Equal("Tensor(disposed)", DisplayOutput.From(disposed).Text);
    }

    /// <summary>
    /// The MIME bundle .NET Interactive's real formatter makes for <paramref name="value"/> with the
    /// type's preferred MIME types (the call that recursed without end, killing the kernel, for a
    /// preferred MIME type that had no formatter).
    /// </summary>
    private static Dictionary<string, string> FormatInTheKernel(object value, out string[] preferred)
    {
        var formatted = FormattedValue.CreateManyFromObject(value).ToDictionary(f => f.MimeType, f => f.Value);
        preferred = Formatter.GetPreferredMimeTypesFor(value.GetType()).ToArray();
        return formatted;
    }

    [Fact]
    public void Tensors_render_through_the_kernel_formatter_convention()
    {
        using var t = ones(2, 2);

        var formatted = FormatInTheKernel(t, out var preferred);

        Assert.Equal(["text/html", "text/plain"], preferred);
        Assert.Equal(DisplayOutput.From(t).Get(DisplayOutput.Html), formatted["text/html"]);
        Assert.Equal(t.ToString(), formatted["text/plain"]);
    }

    [Fact]
    public void Parameters_and_progress_bars_render_through_the_convention_too()
    {
        using var p = new nn.Parameter(zeros(1));
        Assert.Contains("<code>Tensor[1] float32 requires_grad</code>", FormatInTheKernel(p, out _)["text/html"]);

        using var bar = new ProgressBar(10, "fit", new FakeHost(updatesInPlace: false), () => TimeSpan.Zero);
        Assert.Contains("<progress max=\"10\" value=\"0\"", FormatInTheKernel(bar, out _)["text/html"]);
    }

    [Fact]
    public void Images_charts_and_animations_carry_a_static_png_for_stored_notebooks()
    {
        var image = CourseKit.Imaging.Image.Solid(3, 2, [128]);
        var chart = CourseKit.Charts.Chart.Line(new CourseKit.Charts.Series("loss", [3.0, 2.0, 1.5]));
        var animation = new CourseKit.Imaging.Animation([image, CourseKit.Imaging.Image.Solid(3, 2, [255])]);
        foreach (object value in new object[] { image, chart, animation })
        {
            var bundle = DisplayOutput.From(value);
            var png = Convert.FromBase64String(bundle.Get(DisplayOutput.Png)!);
            Assert.True(CourseKit.Imaging.Image.FromPng(png).Width > 0);
            var formatted = FormatInTheKernel(value, out var preferred);
            Assert.Equal(preferred.Order(), formatted.Keys.Order());
            Assert.Equal(bundle.Get(DisplayOutput.Png), formatted[DisplayOutput.Png]);
        }
        Assert.Contains("\"layout\"", DisplayOutput.From(chart).Get(DisplayOutput.PlotlyJson));   // the Plotly.NET figure
        Assert.Contains("<img", DisplayOutput.From(chart).ToHtml());                                 // HTML-only hosts get the PNG
        Assert.Equal("Image 3 x 2, 1 channel(s)", DisplayOutput.From(image).Text);
    }

    [Fact]
    public void Without_a_notebook_host_display_prints_the_text()
    {
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            var handle = ConsoleHost.Instance.Display(DisplayOutput.FromHtml("<b>x</b>", "plain x"), []);
            handle.Update(42);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.Equal("plain x\n42\n", printed.ToString());
        Assert.False(ConsoleHost.Instance.UpdatesInPlace);
    }

    [Fact]
    public void Notebook_display_goes_to_the_installed_host()
    {
        var host = new FakeHost(updatesInPlace: true);
        using (Notebook.UseHost(host))
        {
            Assert.Same(host, Notebook.Host);
            Notebook.display("shown", "text/plain");
        }

        Assert.NotSame(host, Notebook.Host);
        Assert.Equal(["shown"], host.Shown.Select(o => o.Text));
    }
}

/// <summary>A host that keeps what it is shown.</summary>
internal sealed class FakeHost(bool updatesInPlace, CancellationToken cancellation = default) : IDisplayHost
{
    public List<DisplayOutput> Shown { get; } = [];

    public List<DisplayOutput> Updates { get; } = [];

    public bool UpdatesInPlace => updatesInPlace;

    public CancellationToken Cancellation => cancellation;

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        Shown.Add(DisplayOutput.From(value));
        return new DisplayHandle(v => Updates.Add(DisplayOutput.From(v)));
    }
}
