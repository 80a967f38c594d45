using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CourseKit.Notebooks.Tests")]
