using Alicia.Bench;

return await BenchCommand.RunAsync(args, Console.Out, Console.Error);
