using CourseKit.Notebooks.Grading;

namespace CourseKit.Notebooks.Tests.Grading;

public sealed class ForbiddenCallsTests
{
    [Theory]
    [InlineData("return GaussianKl.ToStandardNormal(mu, logvar);", "GaussianKl")]
    [InlineData("return CourseKit.Losses.GaussianKl . ToStandardNormal(mu, logvar);", "GaussianKl")]
    [InlineData("var e = Elbo.Negative(r, mu, lv).Total;", "Elbo.Negative")]
    [InlineData("using static CourseKit.Losses.Elbo;\nreturn Negative(r, mu, lv).Total;", "Elbo.Negative")]
    [InlineData("return a.logsumexp(1);", "logsumexp")]
    [InlineData("return vae.Reparameterize(mu, logvar);", ".Reparameterize")]
    public void CallsAreFound(string code, string rule) =>
        Assert.Equal([rule], ForbiddenCalls.Find(code, [rule]));

    [Theory]
    [InlineData("// not GaussianKl.ToStandardNormal: the closed form\nreturn x;", "GaussianKl")]
    [InlineData("/* Elbo.Negative would do it */ return NegativeElbo(x);", "Elbo.Negative")]
    [InlineData("Tensor NegativeElbo(Tensor x) => x;", "Elbo")]
    [InlineData("Tensor LogSumExp(Tensor a) => a;", "logsumexp")]
    [InlineData("Tensor Reparameterize(Tensor mu) => mu;", ".Reparameterize")]
    public void CommentsAndLookAlikeNamesAreNotCalls(string code, string rule) =>
        Assert.Empty(ForbiddenCalls.Find(code, [rule]));
}
