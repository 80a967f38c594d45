using CourseKit.Display;
using CourseKit.Notebooks.Format;

namespace CourseKit.Notebooks.Execution;

/// <summary>The display host during a cell: displays become <c>display_data</c> outputs of that cell, updated in place.</summary>
internal sealed class RecordingHost(CellRecorder recorder, CancellationToken cancellation) : IDisplayHost
{
    public bool UpdatesInPlace => true;

    public CancellationToken Cancellation => cancellation;

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var slot = recorder.Add(Output(value, mimeTypes));
        return new DisplayHandle(v => recorder.Replace(slot, Output(v, mimeTypes)));
    }

    private static DisplayDataOutput Output(object? value, IReadOnlyList<string> mimeTypes) =>
        new(DisplayOutput.From(value).Only(mimeTypes));
}
