using CourseKit.Kernel;

return KernelCommandLine.Run(args, Console.Out, new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });
