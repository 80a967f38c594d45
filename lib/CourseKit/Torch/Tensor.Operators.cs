namespace CourseKit;

public static partial class torch
{
    public partial class Tensor
    {
        public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
        public static Tensor operator +(Tensor a, double b) => a.add(b);
        public static Tensor operator +(Tensor a, long b) => a.add(b);
        public static Tensor operator +(double a, Tensor b) => b.add(a);
        public static Tensor operator +(long a, Tensor b) => b.add(a);
        public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
        public static Tensor operator -(Tensor a, double b) => a.sub(b);
        public static Tensor operator -(Tensor a, long b) => a.sub(b);
        public static Tensor operator -(double a, Tensor b) => Native.Dispatch.Tensor("aten::rsub", "Scalar", b, a);
        public static Tensor operator -(long a, Tensor b) => Native.Dispatch.Tensor("aten::rsub", "Scalar", b, a);
        public static Tensor operator -(Tensor a) => a.neg();
        public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
        public static Tensor operator *(Tensor a, double b) => a.mul(b);
        public static Tensor operator *(Tensor a, long b) => a.mul(b);
        public static Tensor operator *(double a, Tensor b) => b.mul(a);
        public static Tensor operator *(long a, Tensor b) => b.mul(a);
        public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
        public static Tensor operator /(Tensor a, double b) => a.div(b);
        public static Tensor operator /(double a, Tensor b)
        {
            using var r = b.reciprocal();
            return r.mul(a);
        }
        public static Tensor operator %(Tensor a, double b) => a.remainder(b);

        public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
        public static Tensor operator <(Tensor a, double b) => a.lt(b);
        public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
        public static Tensor operator >(Tensor a, double b) => a.gt(b);
        public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
        public static Tensor operator <=(Tensor a, double b) => a.le(b);
        public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
        public static Tensor operator >=(Tensor a, double b) => a.ge(b);
        public static Tensor operator <(double a, Tensor b) => b.gt(a);
        public static Tensor operator >(double a, Tensor b) => b.lt(a);
        public static Tensor operator <=(double a, Tensor b) => b.ge(a);
        public static Tensor operator >=(double a, Tensor b) => b.le(a);
        public static Tensor operator &(Tensor a, Tensor b) => Native.Dispatch.Tensor("aten::logical_and", "", a, b);
        public static Tensor operator |(Tensor a, Tensor b) => Native.Dispatch.Tensor("aten::logical_or", "", a, b);
        public static Tensor operator !(Tensor a) => a.logical_not();
    }
}
