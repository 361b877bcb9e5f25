namespace VideoRecognition.Runtime;

/// <summary>
/// The user gave something the engine cannot use: a malformed config, a missing or corrupt input file,
/// an argument out of range. The message names the thing and says what is allowed; the command line
/// prints it without a stack trace and exits with code 2.
/// </summary>
public class BadInputException(string message, Exception? inner = null) : Exception(message, inner);
