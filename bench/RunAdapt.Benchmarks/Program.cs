using BenchmarkDotNet.Running;
using RunAdapt.Benchmarks;

// `make-export DIR N [fit|tcx]` writes the synthetic import export (for timing `runadapt import` itself); anything else runs BenchmarkDotNet.
if (args is ["make-export", var directory, var count, ..] && args.Length <= 4)
{
    var format = args.Length == 4 ? Enum.Parse<ExportFormat>(args[3], ignoreCase: true) : ExportFormat.Fit;
    SyntheticExport.Write(directory, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), format);
    return;
}

// `import-phases DIR N`: single-threaded CPU time of each import phase over the first N files (where the time goes).
if (args is ["import-phases", var exportDirectory, var files])
{
    ImportPhases.Run(exportDirectory, int.Parse(files, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
