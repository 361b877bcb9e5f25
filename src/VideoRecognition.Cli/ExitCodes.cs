namespace VideoRecognition.Cli;

/// <summary>What `vrec` returns to the shell.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The job failed: an input could not be processed, an output could not be written.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the configuration is wrong: unknown command, bad flag, invalid config, unusable input.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C; finished work is kept and the job resumes where it stopped.</summary>
    public const int Interrupted = 130;
}
