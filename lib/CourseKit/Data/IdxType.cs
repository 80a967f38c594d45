namespace CourseKit.Data;

/// <summary>
/// The element type stored in an IDX file: the third byte of its magic number, as defined in
/// the format description on the MNIST database page (LeCun, Cortes and Burges,
/// http://yann.lecun.com/exdb/mnist/). Multi-byte values are big-endian in the file.
/// </summary>
public enum IdxType : byte
{
    /// <summary>Unsigned byte (MNIST pixels and labels).</summary>
    UByte = 0x08,

    /// <summary>Signed byte.</summary>
    SByte = 0x09,

    /// <summary>16-bit signed integer.</summary>
    Short = 0x0B,

    /// <summary>32-bit signed integer.</summary>
    Int = 0x0C,

    /// <summary>32-bit IEEE float.</summary>
    Float = 0x0D,

    /// <summary>64-bit IEEE float.</summary>
    Double = 0x0E,
}
