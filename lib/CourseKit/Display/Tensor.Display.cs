using CourseKit.Display;

namespace CourseKit;

public static partial class torch
{
    /// <summary>Notebook display of tensors: a summary line plus the values (see <see cref="TensorDisplay"/>).</summary>
    [TypeFormatterSource(typeof(RichDisplayFormatterSource), PreferredMimeTypes = [DisplayOutput.Html, DisplayOutput.PlainText])]
    public partial class Tensor : IRichDisplay
    {
        DisplayOutput IRichDisplay.ToDisplay() => TensorDisplay.ToDisplay(this);
    }
}
