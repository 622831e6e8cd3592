using BenchmarkDotNet.Running;
using RunAdapt.Benchmarks;

// `make-export DIR N` writes the synthetic import export (for timing `runadapt import` itself); anything else runs BenchmarkDotNet.
if (args is ["make-export", var directory, var count])
{
    SyntheticExport.Write(directory, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
