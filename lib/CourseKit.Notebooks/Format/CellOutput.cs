using CourseKit.Display;

namespace CourseKit.Notebooks.Format;

/// <summary>One output of a code cell, as nbformat 4 stores it.</summary>
public abstract record CellOutput;

/// <summary>Text the cell wrote to <c>stdout</c> or <c>stderr</c>.</summary>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A value shown with <c>display(...)</c>.</summary>
public sealed record DisplayDataOutput(DisplayOutput Data) : CellOutput;

/// <summary>The value of the cell's trailing expression.</summary>
public sealed record ExecuteResultOutput(int ExecutionCount, DisplayOutput Data) : CellOutput;

/// <summary>An exception, compilation error or timeout; <see cref="Traceback"/> holds one line per entry.</summary>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
