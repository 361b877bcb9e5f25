using Spectre.Console.Cli;
using VideoRecognition.Cli;

// Before anything loads libtorch (and with it libgomp, which reads this once).
VideoRecognition.Runtime.OpenMpWaitPolicy.Apply();

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the job to stop at a safe point (finished outputs are kept); a second one kills.
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};

var app = new CommandApp();
app.Configure(VrecCommandLine.Configure);

return app.Run(args, interrupt.Token);
