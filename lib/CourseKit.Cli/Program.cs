using CourseKit.Cli;

return args.Length > 0 && args[0] == "train-classifier"
    ? TrainClassifier.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("""
        usage: coursekit train-classifier [--dataset mnist|fashion-mnist] [--epochs N] [--batch-size N]
                                          [--lr X] [--seed N] [--threads N]
        """);
    return 2;
}
