namespace CourseKit.Display;

/// <summary>
/// Names the class that creates notebook formatters for the type it decorates. .NET Interactive
/// recognises this attribute by its name alone (it reads <see cref="FormatterSourceType"/> and
/// <see cref="PreferredMimeTypes"/> by reflection, creates the source with its parameterless
/// constructor and calls its public <c>CreateTypeFormatters()</c>), so CourseKit needs no
/// reference to Microsoft.DotNet.Interactive for its types to render in a Polyglot notebook.
/// See dotnet/interactive, Formatter.TryRegisterFromConventionBasedFormatterSources.
/// The attribute is inherited (a <see cref="torch.Tensor"/> subclass renders like a tensor) but
/// not through interfaces: each displayable class carries it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The formatter source: a class with a public parameterless constructor and <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the kernel should produce by default for the decorated type.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
