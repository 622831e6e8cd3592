using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Activities.Xml;
using RunAdapt.Analysis;
using SharpFuzz;

// One AFL++ target per decoder: `fit`, `tcx` or `gpx`. Only ActivityFormatException may escape a decoder;
// anything else (or a hang, caught by AFL's timeout) is a finding. Every decoded activity is analysed too: a damaged
// file must not crash or hang the import after decoding either (a NaN distance in a TCX once did), nor its laps.
var target = args.Length > 0 ? args[0] : "fit";
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    buffer.Position = 0;
    try
    {
        var activities = target switch
        {
            "fit" => FitDecoder.DecodeActivities(buffer.ToArray(), "fuzz.fit"),
            "tcx" => new TcxFormat().Decode(buffer, "fuzz.tcx"),
            _ => new GpxFormat().Decode(buffer, "fuzz.gpx"),
        };
        foreach (var activity in activities)
        {
            SessionBuilder.Analyse(activity, Athlete);
            Laps.Of(activity);
        }
    }
    catch (ActivityFormatException)
    {
        // Rejecting bad input with a clear problem is the expected outcome.
    }
});

internal static partial class Program
{
    private static readonly RunAdapt.Core.Training.Athlete Athlete = new();
}
