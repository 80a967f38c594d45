namespace CourseKit;

/// <summary>
/// Whether operations record the autograd graph. The flag flows with the logical call (an
/// AsyncLocal), so <c>using (torch.no_grad())</c> holds across <c>await</c> in a notebook cell,
/// and every operator call hands it to libtorch explicitly.
/// </summary>
internal static class GradMode
{
    private static readonly AsyncLocal<bool?> Disabled = new();

    public static bool IsEnabled => Disabled.Value != true;

    /// <summary>Sets the mode until the returned guard is disposed, then restores the previous mode.</summary>
    public static IDisposable Set(bool enabled)
    {
        var previous = IsEnabled;
        Disabled.Value = !enabled;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        private bool done;

        public void Dispose()
        {
            if (done) return;
            done = true;
            Disabled.Value = !previous;
        }
    }
}

public static partial class torch
{
    /// <summary>Disables gradient recording until disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static IDisposable no_grad() => GradMode.Set(false);

    /// <summary>Enables gradient recording until disposed (inside a <see cref="no_grad"/> block).</summary>
    public static IDisposable enable_grad() => GradMode.Set(true);

    /// <summary>Sets gradient recording until disposed.</summary>
    public static IDisposable set_grad_enabled(bool enabled) => GradMode.Set(enabled);

    public static bool is_grad_enabled() => GradMode.IsEnabled;
}
