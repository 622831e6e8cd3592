namespace RunAdapt.Evidence.Tests;

/// <summary>Every file of evidence/ loads, every scenario parses, and the library holds together.</summary>
public sealed class LibraryTests
{
    public static TheoryData<string> StudyFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in EvidenceLibrary.Files(Repo.Evidence))
        {
            data.Add(Path.GetRelativePath(Repo.Evidence, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StudyFiles))]
    public void TheFileLoadsAndItsScenariosParse(string file)
    {
        var study = EvidenceLibrary.LoadFile(Path.Combine(Repo.Evidence, file));
        Assert.NotEmpty(study.Arms);
        Assert.All(study.Arms.SelectMany(a => a.Outcomes), o => Assert.False(string.IsNullOrWhiteSpace(o.Source.Where)));
    }

    [Fact]
    public void TheWholeLibraryLoads()
    {
        var library = EvidenceLibrary.Load(Repo.Evidence);
        Assert.NotEmpty(library.Studies);
        Assert.Equal(library.Studies.Count, library.Studies.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void TheRunnerReportsEveryOutcomeIncludingUnmodelledOnes()
    {
        var library = EvidenceLibrary.Load(Repo.Evidence);
        var results = EvidenceRunner.Run(library.Studies, RunAdapt.Core.Model.ModelParameters.Default);
        Assert.Equal(library.Studies.Sum(s => s.Arms.Sum(a => a.Outcomes.Count)), results.Count);
        Assert.All(results.Where(r => r.Modelled), r => Assert.True(double.IsFinite(r.Model!.Value), $"{r.Key}: {r.Model}"));
    }
}
