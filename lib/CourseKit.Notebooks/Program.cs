using CourseKit.Notebooks.Cli;

if (args.Length == 0 || args[0] != "run")
{
    Console.Error.WriteLine(CommandLine.Usage);
    return args.Length == 1 && args[0] is "--help" or "-h" or "help" ? 0 : 2;
}
return RunCommand.Run(args[1..], Console.Out, Console.Error);
