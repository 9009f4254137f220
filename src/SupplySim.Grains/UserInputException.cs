namespace SupplySim.Grains;

/// <summary>
/// A mistake in what the user asked for (not in a scenario file): reported as one line, exit code 2. It lives here,
/// below Experiments and Hosting, because both find such mistakes (a bad results folder, a port in use) and neither may
/// reference the other (docs/architecture.md#projects).
/// </summary>
public sealed class UserInputException(string message) : Exception(message);
