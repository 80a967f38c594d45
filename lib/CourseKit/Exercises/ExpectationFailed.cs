namespace CourseKit.Exercises;

/// <summary>A test of an exercise found something wrong; the message says what, in the student's terms.</summary>
public sealed class ExpectationFailed(string message) : Exception(message);
