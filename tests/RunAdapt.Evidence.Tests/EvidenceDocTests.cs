using RunAdapt.Core.Model;

namespace RunAdapt.Evidence.Tests;

/// <summary>docs/EVIDENCE.md is generated from the library and the model.</summary>
public sealed class EvidenceDocTests
{
    /// <summary>
    /// Rewrites docs/EVIDENCE.md, so a model change updates its figures without failing; with RUNADAPT_CHECK_DOCS=1
    /// (CI) a stale file fails instead.
    /// </summary>
    [Fact]
    public void EvidenceDocIsUpToDate()
    {
        var library = EvidenceLibrary.Load(Repo.Evidence);
        var results = EvidenceRunner.Run(library.Studies, ModelParameters.Default);
        var calibration = File.Exists(Repo.Calibration) ? CalibrationFile.Read(Repo.Calibration) : null;
        var text = EvidenceReport.Markdown(library, results, calibration);
        var current = File.Exists(Repo.EvidenceDoc) ? File.ReadAllText(Repo.EvidenceDoc) : "";
        if (Repo.CheckDocs)
        {
            Assert.True(current == text, "docs/EVIDENCE.md is out of date: run the evidence tests without RUNADAPT_CHECK_DOCS to regenerate it");
        }
        else if (current != text)
        {
            File.WriteAllText(Repo.EvidenceDoc, text);
        }

        foreach (var study in library.Studies)
        {
            Assert.Contains($"### {study.Id} ", text, StringComparison.Ordinal);
        }
    }
}
