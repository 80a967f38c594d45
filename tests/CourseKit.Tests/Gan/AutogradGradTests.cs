using static CourseKit.Tests.Gan.GanReferences;
using static CourseKit.Tests.NN.NNReferences;

namespace CourseKit.Tests.Gan;

/// <summary>
/// torch.autograd.grad against PyTorch 1.13 (gan_references.json): first-order gradients with a
/// grad_outputs vector, a second backward through a gradient made with create_graph (rtol 1e-5,
/// atol 1e-6, float32), and the managed errors for bad calls.
/// </summary>
public sealed class AutogradGradTests
{
    [Fact]
    public void FirstAndSecondOrderMatchPyTorch()
    {
        using var scope = NewDisposeScope();
        var r = Get("grad");
        var x = Tensor(r.GetProperty("x")).requires_grad_();                       // (4, 3)
        var w = Tensor(r.GetProperty("w")).requires_grad_();                       // (3, 5)
        var v = Tensor(r.GetProperty("v"));                                        // (4, 5)
        var y = tanh(x.matmul(w)) * v;                                             // (4, 5)
        var dydx = autograd.grad([y], [x], [ones_like(y)], create_graph: true)[0]; // (4, 3)
        AssertClose(Tensor(r.GetProperty("dy_dx")), dydx, "dy/dx");
        Assert.True(dydx!.requires_grad, "a gradient made with create_graph must itself require grad");
        var second = autograd.grad(dydx.square().sum(), w);                        // (3, 5)
        AssertClose(Tensor(r.GetProperty("d_gradnorm_dw")), second, "d|dy/dx|²/dW");
        Assert.Null(x.grad);                                                       // nothing accumulated into .grad
        Assert.Null(w.grad);
    }

    [Fact]
    public void WithoutCreateGraphTheGradientIsAConstant()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2f, 3f }).requires_grad_();
        var g = autograd.grad((x * x).sum(), x);                                   // 2x
        Assert.False(g.requires_grad);
        Assert.Equal([2f, 4f, 6f], g.ToArray<float>());
    }

    [Fact]
    public void UnusedInputsAreNullOnlyWhenAllowed()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new[] { 1f, 2f }).requires_grad_();
        var b = tensor(new[] { 3f }).requires_grad_();
        var grads = autograd.grad([a.sum()], [a, b], allow_unused: true);
        Assert.Equal([1f, 1f], grads[0]!.ToArray<float>());
        Assert.Null(grads[1]);
        var error = Assert.Throws<TorchException>(() => autograd.grad([a.sum()], [a, b]));
        Assert.Contains("autograd.grad", error.Message);
    }

    [Fact]
    public void BadCallsRaiseManagedExceptions()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 2f }).requires_grad_();
        var noGrad = tensor(new[] { 1f, 2f });
        Assert.Throws<TorchException>(() => autograd.grad(x * 2, x));              // non-scalar output without grad_outputs
        Assert.Throws<TorchException>(() => autograd.grad((noGrad * 2).sum(), noGrad));   // input does not require grad
        Assert.Throws<ArgumentException>(() => autograd.grad([x.sum()], [x], [null, null]));
        Assert.Throws<ArgumentException>(() => autograd.grad(Array.Empty<torch.Tensor>(), [x]));
        var y = (x * x).sum();
        autograd.grad(y, x);                                                       // frees the graph
        Assert.Throws<TorchException>(() => autograd.grad(y, x));                  // a second pass needs retain_graph
    }
}
