namespace CourseKit.Display;

/// <summary>
/// An output shown by <see cref="Notebook.display"/>; <see cref="Update"/> replaces its content,
/// like .NET Interactive's <c>DisplayedValue.Update</c>.
/// </summary>
public sealed class DisplayHandle(Action<object?> update)
{
    /// <summary>Shows <paramref name="value"/> in place of the current content.</summary>
    public void Update(object? value) => update(value);
}
