using System.Text;
using CourseKit.Imaging;

namespace CourseKit.Tests.Imaging;

public sealed class Crc32Tests
{
    [Fact]
    public void CheckValueOfTheStandardTestString() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void EmptyInputGivesZero() => Assert.Equal(0u, Crc32.Compute([]));

    [Fact]
    public void IEND_ChunkCrcMatchesTheValueEveryPngFileEndsWith() =>
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));

    [Fact]
    public void UpdatingInPiecesEqualsOneCall()
    {
        var data = TestImages.Random(50, 1, 1, 3).Pixels;
        var register = Crc32.Update(Crc32.Update(Crc32.Start, data.AsSpan(0, 17)), data.AsSpan(17));
        Assert.Equal(Crc32.Compute(data), Crc32.Finish(register));
    }
}
