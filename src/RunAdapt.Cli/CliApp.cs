using System.CommandLine;
using RunAdapt.Activities;
using RunAdapt.Cli.Commands;

namespace RunAdapt.Cli;

/// <summary>The <c>runadapt</c> program: builds the command tree and maps failures to exit codes.</summary>
public static class CliApp
{
    /// <summary>Exit status for success.</summary>
    public const int Success = 0;

    /// <summary>Exit status for bad input (a missing, unreadable or invalid file).</summary>
    public const int BadInput = 1;

    /// <summary>Exit status for bad usage (unknown command or option, missing argument).</summary>
    public const int BadUsage = 2;

    /// <summary>Exit status when the user stopped the program (Ctrl-C): 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Exit status for an internal error (a bug).</summary>
    public const int InternalError = 70;

    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("RunAdapt: what is your training doing to your body? Reads your runs, models how your muscles, heart, mass and bones adapt, and says why.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs the program with the given arguments, writing to the given streams; returns the exit status.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where normal output goes.</param>
    /// <param name="error">Where errors go (one line each).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot();
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"runadapt: {string.Join("; ", parse.Errors.Select(e => e.Message))} (see 'runadapt --help')");
            return BadUsage;
        }

        try
        {
            return parse.Invoke(config);
        }
        catch (UsageException e)
        {
            error.WriteLine($"runadapt: {e.Message} (see 'runadapt --help')");
            return BadUsage;
        }
        catch (ActivityFormatException e)
        {
            error.WriteLine(e.UserMessage);
            return BadInput;
        }
        catch (InputException e)
        {
            error.WriteLine(e.Message);
            return BadInput;
        }
        catch (System.Data.Common.DbException e)
        {
            // A read-only, full, busy or damaged store is not a bug: say which store and what to do.
            error.WriteLine(StoreOption.Fault(StoreLocation(parse), e));
            return BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            error.WriteLine($"runadapt: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            // A bug, not a user mistake: still one line, no stack trace (set RUNADAPT_TRACE=1 to see it).
            error.WriteLine($"runadapt: internal error ({e.GetType().Name}: {e.Message}); please report it with the input that caused it");
            if (Environment.GetEnvironmentVariable("RUNADAPT_TRACE") == "1")
            {
                error.WriteLine(e);
            }

            return InternalError;
        }
    }

    /// <summary>The <c>--db</c> the command was given, if it takes one.</summary>
    private static string? StoreLocation(ParseResult parse) =>
        parse.CommandResult.Command.Options.Any(o => o.Name == "--db") ? parse.GetValue<string?>("--db") : null;
}

/// <summary>A mistake in how the program was called; exit status 2.</summary>
/// <param name="message">What was wrong, one line.</param>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A problem with an input file or value the user gave; exit status 1.</summary>
/// <param name="message">One line naming the file and what is wrong.</param>
/// <param name="inner">The underlying exception, if any.</param>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
