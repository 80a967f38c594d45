using CourseKit.Notebooks.Cli;

switch (args)
{
    case ["run", .. var rest]:
        return RunCommand.Run(rest, Console.Out, Console.Error);
    case ["student", .. var rest]:
        return StudentCommand.Run(rest, Console.Out, Console.Error);
    case ["assign", .. var rest]:
        return AssignCommand.Run(rest, Console.Out, Console.Error);
    case ["grade", .. var rest]:
        return GradeCommand.Run(rest, Console.Out, Console.Error);
    case ["autograder", .. var rest]:
        return AutograderCommand.Run(rest, Console.Out, Console.Error);
    case ["figures", .. var rest]:
        return FiguresCommand.Run(rest, Console.Out, Console.Error);
    default:
        Console.Error.WriteLine(CommandLine.Usage);
        Console.Error.WriteLine(StudentCommand.Usage);
        Console.Error.WriteLine(AssignCommand.Usage);
        Console.Error.WriteLine(GradeCommand.Usage);
        Console.Error.WriteLine(AutograderCommand.Usage);
        Console.Error.WriteLine(FiguresCommand.Usage);
        return args.Length == 1 && args[0] is "--help" or "-h" or "help" ? 0 : 2;
}
