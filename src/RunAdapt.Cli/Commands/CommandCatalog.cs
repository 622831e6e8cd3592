using System.CommandLine;

namespace RunAdapt.Cli.Commands;

/// <summary>Every subcommand of <c>runadapt</c>, in the order <c>--help</c> lists them. Each lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ImportCommand.Create(),
        LogCommand.Create(),
        InspectCommand.Create(),
        SimulateCommand.Create(),
        ScenariosCommand.Create(),
        CompareCommand.Create(),
        GoalCommand.Create(),
        HistoryCommand.Create(),
        ActivitiesCommand.Create(),
        PerformanceCommand.Create(),
        AthleteCommand.Create(),
        ReportCommand.Create(),
        ServeCommand.Create(),
        EvidenceCommand.Create(),
        CalibrateCommand.Create(),
    ];
}
