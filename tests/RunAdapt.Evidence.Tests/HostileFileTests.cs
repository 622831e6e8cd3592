using CsCheck;

namespace RunAdapt.Evidence.Tests;

/// <summary>Hostile evidence files give one-line errors naming the file; nothing else escapes.</summary>
public sealed class HostileFileTests
{
    private const string Valid = """
        study:
          id: hostile
          citation: { authors: "A B", year: 2012, title: "T", journal: "J 1:1-2", pmid: 1 }
          area: endurance
          design: "pre-post, 12 wk"
        arms:
          - id: a
            population: { n: 7, sex: male }
            scenario: |
              athlete: { sex: male, age: 20, mass_kg: 75, training_status: untrained }
              weeks: 12
              week:
                - { day: mon, cross: { mode: cycling, minutes: 40, effort: steady } }
            outcomes:
              - { measure: quadriceps.size, measured_by: "MRI", week: 12, unit: pct, mean: 5.0, sd: 2.6, n: 7, source: { id: "PMID:1", where: "abstract" } }
              - { measure: vo2max, measured_by: "treadmill", unit: ml_kg_min, mean: 4, ci95: [2, 6], n: 7, source: { id: "PMID:1", where: "table 2" } }
          - id: b
            population: { n: 7 }
            scenario: |
              athlete: { sex: male, age: 20, mass_kg: 75 }
              weeks: 12
              week: []
            outcomes:
              - { measure: injury_risk, measured_by: "x", unit: ratio, versus: a, mean: 1.5, ci95: [1.1, 2.0], source: { id: "PMID:1", where: "abstract" } }
        """;

    private static readonly string[] Fragments =
        [":", "-", " ", "\n", "{", "}", "[", "]", "\"", "'", "|", "&a", "*a", "!!str", "#", "1e400", "-3", "NaN", "0", "week: 0", "week: 999",
         "unit: bogus", "measure: spleen.size", "versus: zz", "id: a", "sd: -1", "n: 0.5", "ci95: [3, 1]", "year: 99999", "\t", "~", "null", "weeks: -1", "day: xyz"];

    [Fact]
    public void TheValidTemplateLoads() => Assert.Equal(2, EvidenceLibrary.Parse(Valid, "hostile.yaml").Arms.Count);

    [Fact]
    public void MutatedFilesFailWithOneLineNamingTheFile()
    {
        var edit = Gen.Int[0, Valid.Length].Select(Gen.Int[0, 40], Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]), Gen.Int[0, 2]);
        Gen.Int[1, 6].SelectMany(k => edit.Array[k]).Sample(edits =>
        {
            var text = Valid;
            foreach (var (at, length, fragment, kind) in edits)
            {
                var start = Math.Min(at, text.Length);
                var cut = Math.Min(length, text.Length - start);
                text = kind switch
                {
                    0 => text.Remove(start, cut),
                    1 => text.Insert(start, fragment),
                    _ => text.Remove(start, cut).Insert(start, fragment),
                };
            }

            try
            {
                EvidenceLibrary.Parse(text, "hostile.yaml");
            }
            catch (EvidenceException e)
            {
                Assert.StartsWith("hostile.yaml: ", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
            }
        }, iter: 3000);
    }

    [Fact]
    public void RandomBytesFailWithOneLine() =>
        Gen.String.Sample(text =>
        {
            try
            {
                EvidenceLibrary.Parse(text, "noise.yaml");
            }
            catch (EvidenceException e)
            {
                Assert.StartsWith("noise.yaml: ", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
            }
        }, iter: 2000);
}
