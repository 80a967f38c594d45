using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CourseKit.Notebooks.Tests")]
[assembly: InternalsVisibleTo("CourseKit.Tests")]
