using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Activities.Xml;
using SharpFuzz;

// One AFL++ target per decoder: `fit`, `tcx` or `gpx`. Only ActivityFormatException may escape a decoder;
// anything else (or a hang, caught by AFL's timeout) is a finding.
var target = args.Length > 0 ? args[0] : "fit";
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    buffer.Position = 0;
    try
    {
        _ = target switch
        {
            "fit" => FitDecoder.DecodeActivities(buffer.ToArray(), "fuzz.fit"),
            "tcx" => new TcxFormat().Decode(buffer, "fuzz.tcx"),
            _ => new GpxFormat().Decode(buffer, "fuzz.gpx"),
        };
    }
    catch (ActivityFormatException)
    {
        // Rejecting bad input with a clear problem is the expected outcome.
    }
});
