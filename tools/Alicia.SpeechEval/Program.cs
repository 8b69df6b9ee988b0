using Alicia.SpeechEval;

return EvaluationCommand.Run(args, Console.Out, Console.Error);
