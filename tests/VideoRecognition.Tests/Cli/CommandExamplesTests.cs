using Spectre.Console.Cli;
using VideoRecognition.Cli;

namespace VideoRecognition.Tests.Cli;

/// <summary>The examples `vrec --help` shows are real command lines: each parses against its command's options.</summary>
public sealed class CommandExamplesTests
{
    private static int RunValidating(Action<IConfigurator> configure, params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            configure(config);
            config.ValidateExamples();
            config.PropagateExceptions();
        });
        return app.Run(args);
    }

    [Fact]
    public void Every_example_of_every_command_parses()
    {
        Assert.Equal(0, RunValidating(VrecCommandLine.Configure, "--version"));
    }

    [Fact]
    public void An_example_with_a_flag_its_command_lacks_is_caught()
    {
        Assert.ThrowsAny<Exception>(() => RunValidating(
            config =>
            {
                VrecCommandLine.Configure(config);
                config.AddCommand<VideoRecognition.Cli.Commands.ConfigCommand>("config-again").WithExample("config-again", "--no-such-flag", "3");
            },
            "--version"));
    }
}
