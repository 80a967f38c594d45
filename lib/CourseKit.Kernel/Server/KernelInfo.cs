using System.Reflection;
using System.Text.Json.Nodes;
using CourseKit.Kernel.Protocol;

namespace CourseKit.Kernel.Server;

/// <summary>The <c>kernel_info_reply</c>: protocol version, implementation and the language (C#, as .NET Interactive names it).</summary>
internal static class KernelInfo
{
    public const string LanguageName = "C#";

    public static JsonObject Reply()
    {
        var version = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = "coursekit-kernel",
            ["implementation_version"] = version.Split('+')[0],
            ["language_info"] = new JsonObject
            {
                ["name"] = LanguageName,
                ["version"] = "14.0",
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = "C# (.NET Interactive's C# kernel, hosted by CourseKit) on .NET " + Environment.Version,
            ["help_links"] = new JsonArray(),
        };
    }
}
