using RunAdapt.Core.Model;

namespace RunAdapt.Evidence.Tests;

/// <summary>
/// The fast CI check of the stored calibration: each held-out study re-run with its fold's stored parameters must give
/// the stored out-of-sample table. A model or library change makes the stored table stale; that fails only with
/// RUNADAPT_CHECK_DOCS=1 (CI), after which <c>runadapt calibrate</c> refreshes it.
/// </summary>
public sealed class StoredCalibrationTests
{
    [Fact]
    public void TheOutOfSampleTableRecomputesFromTheStoredFits()
    {
        Assert.SkipUnless(File.Exists(Repo.Calibration), "no evidence/calibration.json yet");
        var stored = CalibrationFile.Read(Repo.Calibration);
        var library = EvidenceLibrary.Load(Repo.Evidence);

        // Every stored held-out study is held out once, by the fold its id hashes to.
        var heldOut = stored.FoldFits.SelectMany(f => f.HeldOut.Select(id => (id, f.Fold))).ToList();
        Assert.Equal(heldOut.Count, heldOut.Select(h => h.id).Distinct().Count());
        Assert.All(heldOut, h => Assert.Equal(Calibration.FoldOf(h.id, stored.Folds), h.Fold));

        var missing = library.Studies.Select(s => s.Id).Except(heldOut.Select(h => h.id)).ToList();
        var (outOfSample, _) = CrossValidation.OutOfSample(library, ModelParameters.Default, stored.FoldFits, stored.PosteriorSd, samples: 0);
        var inSample = EvidenceRunner.Run(library.Studies, ModelParameters.Default.With(stored.All.Values));
        var table = CrossValidation.Table(inSample, outOfSample, bands: null);
        var stale = stored.Table.Zip(table, (s, t) => (s, t))
            .Where(p => p.s.Area != p.t.Area || p.s.Modelled != p.t.Modelled || Math.Abs(p.s.OutOfSamplePass - p.t.OutOfSamplePass) > 1e-3 || Math.Abs(p.s.InSamplePass - p.t.InSamplePass) > 1e-3)
            .Select(p => $"{p.s.Area}: stored {p.s.OutOfSamplePass:0.###}/{p.s.InSamplePass:0.###}, now {p.t.Area} {p.t.OutOfSamplePass:0.###}/{p.t.InSamplePass:0.###}")
            .ToList();
        if (stored.Table.Count != table.Count)
        {
            stale.Add($"{stored.Table.Count} stored rows, {table.Count} now");
        }

        if (Repo.CheckDocs)
        {
            Assert.True(missing.Count == 0, $"studies not in the stored calibration (run runadapt calibrate): {string.Join(", ", missing)}");
            Assert.True(stale.Count == 0, $"evidence/calibration.json is stale (run runadapt calibrate): {string.Join("; ", stale)}");
        }
    }
}
