using static CourseKit.torch;

namespace CourseKit.Exercises;

/// <summary>
/// One fixed input of a check: the arguments of the student's function, in float64 (the check
/// hands the student copies in the dtype the notebook uses), and a sentence saying what the case
/// tests, e.g. "mu = 0 and logvar = 0, so q = p and the KL must be 0".
/// </summary>
public sealed record CheckCase(string Description, IReadOnlyList<Tensor> Inputs);
