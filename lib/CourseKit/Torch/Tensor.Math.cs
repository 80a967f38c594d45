using CourseKit.Native;

namespace CourseKit;

public static partial class torch
{
    public partial class Tensor
    {
        private Tensor Unary(string name) => Dispatch.Tensor(name, "", this);

        /// <summary>alpha as an integer Scalar when it is whole: integer tensors reject a floating alpha.</summary>
        private static Arg Alpha(double alpha) =>
            Arg.Kw("alpha", alpha == Math.Round(alpha) && Math.Abs(alpha) < 1e15 ? (Arg)(long)alpha : alpha);

        // ---- arithmetic (tensor or scalar operands, broadcasting) ----
        public Tensor add(Tensor other, double alpha = 1) => Dispatch.Tensor("aten::add", "Tensor", this, other, Alpha(alpha));
        public Tensor add(double other) => Dispatch.Tensor("aten::add", "Scalar", this, other);
        public Tensor add(long other) => Dispatch.Tensor("aten::add", "Scalar", this, other);
        public Tensor sub(Tensor other, double alpha = 1) => Dispatch.Tensor("aten::sub", "Tensor", this, other, Alpha(alpha));
        public Tensor sub(double other) => Dispatch.Tensor("aten::sub", "Scalar", this, other);
        public Tensor sub(long other) => Dispatch.Tensor("aten::sub", "Scalar", this, other);
        public Tensor mul(Tensor other) => Dispatch.Tensor("aten::mul", "Tensor", this, other);
        public Tensor mul(double other) => Dispatch.Tensor("aten::mul", "Scalar", this, other);
        public Tensor mul(long other) => Dispatch.Tensor("aten::mul", "Scalar", this, other);
        public Tensor div(Tensor other) => Dispatch.Tensor("aten::div", "Tensor", this, other);
        public Tensor div(double other) => Dispatch.Tensor("aten::div", "Scalar", this, other);
        public Tensor neg() => Unary("aten::neg");
        public Tensor pow(double exponent) => Dispatch.Tensor("aten::pow", "Tensor_Scalar", this, exponent);
        public Tensor pow(Tensor exponent) => Dispatch.Tensor("aten::pow", "Tensor_Tensor", this, exponent);
        public Tensor square() => Unary("aten::square");
        public Tensor remainder(double other) => Dispatch.Tensor("aten::remainder", "Scalar", this, other);
        public Tensor lerp(Tensor end, double weight) => Dispatch.Tensor("aten::lerp", "Scalar", this, end, weight);

        // ---- in place (used by optimizers and initialisers, under no_grad) ----
        public Tensor add_(Tensor other, double alpha = 1) => Dispatch.InPlace(this, "aten::add_", "Tensor", other, Alpha(alpha));
        public Tensor add_(double other) => Dispatch.InPlace(this, "aten::add_", "Scalar", other);
        public Tensor sub_(Tensor other, double alpha = 1) => Dispatch.InPlace(this, "aten::sub_", "Tensor", other, Alpha(alpha));
        public Tensor mul_(Tensor other) => Dispatch.InPlace(this, "aten::mul_", "Tensor", other);
        public Tensor mul_(double other) => Dispatch.InPlace(this, "aten::mul_", "Scalar", other);
        public Tensor div_(Tensor other) => Dispatch.InPlace(this, "aten::div_", "Tensor", other);
        public Tensor div_(double other) => Dispatch.InPlace(this, "aten::div_", "Scalar", other);
        public Tensor addcmul_(Tensor t1, Tensor t2, double value = 1) => Dispatch.InPlace(this, "aten::addcmul_", "", t1, t2, Arg.Kw("value", value));
        public Tensor addcdiv_(Tensor t1, Tensor t2, double value = 1) => Dispatch.InPlace(this, "aten::addcdiv_", "", t1, t2, Arg.Kw("value", value));
        public Tensor lerp_(Tensor end, double weight) => Dispatch.InPlace(this, "aten::lerp_", "Scalar", end, weight);
        public Tensor copy_(Tensor source) => Dispatch.InPlace(this, "aten::copy_", "", source);
        public Tensor fill_(double value) => Dispatch.InPlace(this, "aten::fill_", "Scalar", value);
        public Tensor zero_() => Dispatch.InPlace(this, "aten::zero_", "");
        public Tensor clamp_(double? min = null, double? max = null) => Dispatch.InPlace(this, "aten::clamp_", "", min, max);
        public Tensor normal_(double mean = 0, double std = 1) => Dispatch.InPlace(this, "aten::normal_", "", mean, std);
        public Tensor uniform_(double from = 0, double to = 1) => Dispatch.InPlace(this, "aten::uniform_", "", from, to);
        public Tensor bernoulli_(double p) => Dispatch.InPlace(this, "aten::bernoulli_", "float", p);
        public Tensor masked_fill_(Tensor mask, double value) => Dispatch.InPlace(this, "aten::masked_fill_", "Scalar", mask, value);

        // ---- elementwise functions ----
        public Tensor exp() => Unary("aten::exp");
        public Tensor log() => Unary("aten::log");
        public Tensor log1p() => Unary("aten::log1p");
        public Tensor expm1() => Unary("aten::expm1");
        public Tensor sqrt() => Unary("aten::sqrt");
        public Tensor rsqrt() => Unary("aten::rsqrt");
        public Tensor abs() => Unary("aten::abs");
        public Tensor sign() => Unary("aten::sign");
        public Tensor sin() => Unary("aten::sin");
        public Tensor cos() => Unary("aten::cos");
        public Tensor floor() => Unary("aten::floor");
        public Tensor ceil() => Unary("aten::ceil");
        public Tensor round() => Unary("aten::round");
        public Tensor reciprocal() => Unary("aten::reciprocal");
        public Tensor sigmoid() => Unary("aten::sigmoid");
        public Tensor tanh() => Unary("aten::tanh");
        public Tensor relu() => Unary("aten::relu");
        public Tensor clamp(double? min = null, double? max = null) => Dispatch.Tensor("aten::clamp", "", this, min, max);
        public Tensor clamp(Tensor? min, Tensor? max) => Dispatch.Tensor("aten::clamp", "Tensor", this, min, max);
        public Tensor softmax(long dim) => Dispatch.Tensor("aten::softmax", "int", this, dim);
        public Tensor log_softmax(long dim) => Dispatch.Tensor("aten::log_softmax", "int", this, dim);
        public Tensor masked_fill(Tensor mask, double value) => Dispatch.Tensor("aten::masked_fill", "Scalar", this, mask, value);
        public Tensor logical_not() => Unary("aten::logical_not");
        public Tensor isnan() => Unary("aten::isnan");

        // ---- comparisons (bool tensors) ----
        public Tensor eq(Tensor other) => Dispatch.Tensor("aten::eq", "Tensor", this, other);
        public Tensor eq(double other) => Dispatch.Tensor("aten::eq", "Scalar", this, other);
        public Tensor ne(Tensor other) => Dispatch.Tensor("aten::ne", "Tensor", this, other);
        public Tensor ne(double other) => Dispatch.Tensor("aten::ne", "Scalar", this, other);
        public Tensor lt(Tensor other) => Dispatch.Tensor("aten::lt", "Tensor", this, other);
        public Tensor lt(double other) => Dispatch.Tensor("aten::lt", "Scalar", this, other);
        public Tensor le(Tensor other) => Dispatch.Tensor("aten::le", "Tensor", this, other);
        public Tensor le(double other) => Dispatch.Tensor("aten::le", "Scalar", this, other);
        public Tensor gt(Tensor other) => Dispatch.Tensor("aten::gt", "Tensor", this, other);
        public Tensor gt(double other) => Dispatch.Tensor("aten::gt", "Scalar", this, other);
        public Tensor ge(Tensor other) => Dispatch.Tensor("aten::ge", "Tensor", this, other);
        public Tensor ge(double other) => Dispatch.Tensor("aten::ge", "Scalar", this, other);
        public Tensor allclose_mask(Tensor other, double rtol = 1e-5, double atol = 1e-8) => Dispatch.Tensor("aten::isclose", "", this, other, rtol, atol);
        public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8) =>
            (bool)Dispatch.Call("aten::allclose", "", [this, other, rtol, atol])[0]!;

        // ---- linear algebra ----
        public Tensor matmul(Tensor other) => Dispatch.Tensor("aten::matmul", "", this, other);
        public Tensor mm(Tensor other) => Dispatch.Tensor("aten::mm", "", this, other);
        public Tensor bmm(Tensor other) => Dispatch.Tensor("aten::bmm", "", this, other);

        // ---- reductions ----
        // No dtype-only overloads: C# converts a literal 0 to an enum, so x.sum(0) would silently mean dtype uint8.
        public Tensor sum() => Dispatch.Tensor("aten::sum", "", this);
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Dispatch.Tensor("aten::sum", "dim_IntList", this, dim, keepdim, Arg.Kw("dtype", type));
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => sum([dim], keepdim, type);
        public Tensor mean() => Dispatch.Tensor("aten::mean", "", this);
        public Tensor mean(long[] dim, bool keepdim = false, ScalarType? type = null) => Dispatch.Tensor("aten::mean", "dim", this, dim, keepdim, Arg.Kw("dtype", type));
        public Tensor mean(long dim, bool keepdim = false, ScalarType? type = null) => mean([dim], keepdim, type);
        public Tensor var(bool unbiased = true) => Dispatch.Tensor("aten::var", "", this, unbiased);
        public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => Dispatch.Tensor("aten::var", "dim", this, dim, unbiased, keepdim);
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);
        public Tensor std(bool unbiased = true) => Dispatch.Tensor("aten::std", "", this, unbiased);
        public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => Dispatch.Tensor("aten::std", "dim", this, dim, unbiased, keepdim);
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => std([dim], unbiased, keepdim);
        public Tensor prod() => Dispatch.Tensor("aten::prod", "", this);
        public Tensor max() => Unary("aten::max");
        public Tensor min() => Unary("aten::min");
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => Pair(Dispatch.Tensors("aten::max", "dim", this, dim, keepdim));
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => Pair(Dispatch.Tensors("aten::min", "dim", this, dim, keepdim));
        public Tensor maximum(Tensor other) => Dispatch.Tensor("aten::maximum", "", this, other);
        public Tensor minimum(Tensor other) => Dispatch.Tensor("aten::minimum", "", this, other);
        public Tensor argmax() => Dispatch.Tensor("aten::argmax", "", this);
        public Tensor argmax(long dim, bool keepdim = false) => Dispatch.Tensor("aten::argmax", "", this, dim, keepdim);
        public Tensor argmin(long dim, bool keepdim = false) => Dispatch.Tensor("aten::argmin", "", this, dim, keepdim);
        public Tensor logsumexp(long dim, bool keepdim = false) => Dispatch.Tensor("aten::logsumexp", "", this, new[] { dim }, keepdim);
        public Tensor norm(double p = 2) => Dispatch.Tensor("aten::norm", "Scalar", this, p);
        public Tensor all() => Unary("aten::all");
        public Tensor any() => Unary("aten::any");
        public Tensor cumsum(long dim) => Dispatch.Tensor("aten::cumsum", "", this, dim);
        public Tensor cumprod(long dim) => Dispatch.Tensor("aten::cumprod", "", this, dim);
        public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false) => Pair(Dispatch.Tensors("aten::sort", "", this, dim, descending));
        public (Tensor values, Tensor indexes) topk(long k, long dim = -1, bool largest = true, bool sorted = true) =>
            Pair(Dispatch.Tensors("aten::topk", "", this, k, dim, largest, sorted));

        private static (Tensor, Tensor) Pair(Tensor[] two) => (two[0], two[1]);

        // ---- gathering ----
        public Tensor gather(long dim, Tensor index) => Dispatch.Tensor("aten::gather", "", this, dim, index);
        public Tensor index_select(long dim, Tensor index) => Dispatch.Tensor("aten::index_select", "", this, dim, index);
        /// <summary>Indices of the nonzero (true) elements: (count, ndim), int64.</summary>
        public Tensor nonzero() => Unary("aten::nonzero");
        public Tensor masked_select(Tensor mask) => Dispatch.Tensor("aten::masked_select", "", this, mask);
    }
}
