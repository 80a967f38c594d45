namespace CourseKit.Notebooks.Format;

public enum CellKind
{
    Code,
    Markdown,
    Raw,
}
