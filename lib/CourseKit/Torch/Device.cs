namespace CourseKit;

public static partial class torch
{
    /// <summary>Kinds of device; the values are c10::DeviceType's.</summary>
    public enum DeviceType
    {
        CPU = 0,
        CUDA = 1,
    }

    /// <summary>A device: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public sealed record Device(DeviceType type, int index = -1)
    {
        /// <summary>Parses <c>"cpu"</c>, <c>"cuda"</c>, <c>"cuda:1"</c>.</summary>
        public Device(string description) : this(Parse(description).type, Parse(description).index) { }

        private static (DeviceType type, int index) Parse(string description)
        {
            var parts = description.Trim().ToLowerInvariant().Split(':');
            var type = parts[0] switch
            {
                "cpu" => DeviceType.CPU,
                "cuda" => DeviceType.CUDA,
                _ => throw new ArgumentException(
                    $"unknown device '{description}': expected \"cpu\", \"cuda\" or \"cuda:N\""),
            };
            if (parts.Length == 1) return (type, -1);
            if (parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0) return (type, index);
            throw new ArgumentException($"unknown device '{description}': the index must be a non-negative integer");
        }

        public override string ToString() =>
            (type == DeviceType.CPU ? "cpu" : "cuda") + (index >= 0 ? $":{index}" : "");

        public static implicit operator Device(string description) => new(description);
    }

    public static readonly Device CPU = new(DeviceType.CPU);
    public static Device CUDA => new(DeviceType.CUDA, 0);

    /// <summary>Same as <c>new Device(description)</c>, as in PyTorch's <c>torch.device("cuda")</c>.</summary>
    public static Device device(string description) => new(description);
}
