using CourseKit.Notebooks.Html;

namespace CourseKit.Notebooks.Tests;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("# Title", "<h1 id=\"title\">Title</h1>\n")]
    [InlineData("### Gaussian mixtures ###", "<h3 id=\"gaussian-mixtures\">Gaussian mixtures</h3>\n")]
    [InlineData("Some *emphasis*, **strong** and __also strong__ text.", "<p>Some <em>emphasis</em>, <strong>strong</strong> and <strong>also strong</strong> text.</p>\n")]
    [InlineData("a `x * y` b", "<p>a <code>x * y</code> b</p>\n")]
    [InlineData("snake_case_name stays, _this_ is emphasis", "<p>snake_case_name stays, <em>this</em> is emphasis</p>\n")]
    [InlineData("a < b & c", "<p>a &lt; b &amp; c</p>\n")]
    [InlineData("[the paper](https://arxiv.org/abs/2006.11239)", "<p><a href=\"https://arxiv.org/abs/2006.11239\">the paper</a></p>\n")]
    [InlineData("![digits](grid.png)", "<p><img src=\"grid.png\" alt=\"digits\"></p>\n")]
    [InlineData("---", "<hr>\n")]
    [InlineData("line one  \nline two", "<p>line one<br>\nline two</p>\n")]
    [InlineData("> quoted *text*", "<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>\n")]
    public void Blocks_and_inline_markup(string markdown, string html) => Assert.Equal(html, Markdown.ToHtml(markdown));

    [Theory]
    [InlineData("the loss $\\mathcal{L} = \\sum_i x_i * y_i$ here", "<p>the loss <span class=\"math\">$\\mathcal{L} = \\sum_i x_i * y_i$</span> here</p>\n")]
    [InlineData("costs $5 and $6", "<p>costs $5 and $6</p>\n")]
    [InlineData("$$\np(x) = \\sum_k \\pi_k \\mathcal{N}(x; \\mu_k, \\Sigma_k)\n$$", "<div class=\"math\">$$\np(x) = \\sum_k \\pi_k \\mathcal{N}(x; \\mu_k, \\Sigma_k)\n$$</div>\n")]
    [InlineData("inline \\(a_1 < b_2\\) math", "<p>inline <span class=\"math\">\\(a_1 &lt; b_2\\)</span> math</p>\n")]
    public void LaTeX_is_left_as_written(string markdown, string html) => Assert.Equal(html, Markdown.ToHtml(markdown));

    [Fact]
    public void Lists_nest_by_indentation()
    {
        var html = Markdown.ToHtml("1. first\n2. second\n   - a\n   - b *bold*\n3. third");

        Assert.Equal("<ol>\n<li>first</li>\n<li>second\n<ul>\n<li>a</li>\n<li>b <em>bold</em></li>\n</ul></li>\n<li>third</li>\n</ol>\n", html);
    }

    [Fact]
    public void Fenced_code_is_escaped_and_keeps_its_language()
    {
        var html = Markdown.ToHtml("```csharp\nvar x = a < b ? *p : 0;\n```\nafter");

        Assert.Equal("<pre><code class=\"language-csharp\">var x = a &lt; b ? *p : 0;</code></pre>\n<p>after</p>\n", html);
    }

    [Fact]
    public void Pipe_tables_with_alignment()
    {
        var html = Markdown.ToHtml("| model | NLL |\n|:---|---:|\n| GMM | 1.23 |\n| flow | `0.98` |");

        Assert.Equal(
            "<table>\n<thead><tr><th>model</th><th style=\"text-align:right\">NLL</th></tr></thead>\n<tbody>\n" +
            "<tr><td>GMM</td><td style=\"text-align:right\">1.23</td></tr>\n" +
            "<tr><td>flow</td><td style=\"text-align:right\"><code>0.98</code></td></tr>\n</tbody>\n</table>\n", html);
    }

    [Fact]
    public void Raw_html_blocks_and_tags_pass_through()
    {
        Assert.Equal("<div align=\"center\">\n<img src=\"a.png\">\n</div>\n", Markdown.ToHtml("<div align=\"center\">\n<img src=\"a.png\">\n</div>"));
        Assert.Equal("<p>H<sub>2</sub>O</p>\n", Markdown.ToHtml("H<sub>2</sub>O"));
    }

    [Fact]
    public void Urls_can_be_resolved_for_attachments()
    {
        var html = Markdown.ToHtml("![fig](attachment:fig.png)", u => u == "attachment:fig.png" ? "data:image/png;base64,AAAA" : u);

        Assert.Equal("<p><img src=\"data:image/png;base64,AAAA\" alt=\"fig\"></p>\n", html);
    }
}
