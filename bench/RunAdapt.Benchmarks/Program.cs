using BenchmarkDotNet.Running;
using RunAdapt.Benchmarks;

// `make-export DIR N [fit|tcx]` writes the synthetic import export (for timing `runadapt import` itself); anything else runs BenchmarkDotNet.
if (args is ["make-export", var directory, var count, ..] && args.Length <= 4)
{
    var format = args.Length == 4 ? Enum.Parse<ExportFormat>(args[3], ignoreCase: true) : ExportFormat.Fit;
    SyntheticExport.Write(directory, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), format);
    return;
}

// `make-garmin-export ZIP GB [PART_MB]`: a Garmin Connect export of about GB gigabytes in parts of PART_MB (default 1024), for timing `runadapt import` on it.
if (args is ["make-garmin-export", var zip, var gigabytes, ..] && args.Length <= 4)
{
    var part = args.Length == 4 ? long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1024;
    var written = SyntheticExport.WriteGarminZip(zip, (long)(double.Parse(gigabytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 * 1024), part * 1024 * 1024);
    Console.WriteLine($"{zip}: {written} activities, {new FileInfo(zip).Length / (1024.0 * 1024 * 1024):0.00} GB");
    return;
}

// `import-phases DIR N`: single-threaded CPU time of each import phase over the first N files (where the time goes).
if (args is ["import-phases", var exportDirectory, var files])
{
    ImportPhases.Run(exportDirectory, int.Parse(files, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
