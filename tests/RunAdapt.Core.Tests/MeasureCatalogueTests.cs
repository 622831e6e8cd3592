using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Core.Tests;

/// <summary>The one number formatter and the catalogue of measures behind every face.</summary>
public sealed class MeasureCatalogueTests
{
    [Fact]
    public void SignedWritesOneMinusAndNoSignOnWhatRoundsToZero()
    {
        Assert.Equal("+1.2", Numbers.Signed(1.23, 1));
        Assert.Equal("-1.2", Numbers.Signed(-1.23, 1));
        Assert.Equal("0.0", Numbers.Signed(0.04, 1));
        Assert.Equal("0.0", Numbers.Signed(-0.04, 1));
        Assert.Equal("-3", Numbers.Signed(-2.5001, 0));
        Assert.Equal("-0.5", Numbers.Fixed(-0.5, 1));
        Assert.Equal("0.00", Numbers.Fixed(-0.001, 2));
    }

    [Fact]
    public void SignedIsTheRoundedValueWithItsSign() =>
        Gen.Double[-1e6, 1e6].Select(Gen.Int[0, 4]).Sample((value, decimals) =>
        {
            var text = Numbers.Signed(value, decimals);
            var rounded = double.Parse(text, CultureInfo.InvariantCulture);
            var sign = text[0] switch { '+' => 1, '-' => -1, _ => 0 };
            return Math.Abs(rounded - value) <= (0.5 * Math.Pow(10, -decimals)) + 1e-9
                && sign == Math.Sign(rounded)
                && !text.Contains('−', StringComparison.Ordinal)
                && (decimals == 0 ? !text.Contains('.', StringComparison.Ordinal) : text.Split('.')[1].Length == decimals);
        });

    [Fact]
    public void EveryMeasureOfTheJsonContractIsInTheCatalogueUnderItsKey()
    {
        var catalogue = MeasureCatalogue.Standard;
        Assert.Equal(["size_change_pct", "type1_pct", "type2a_pct", "type2x_pct", "endurance_change_pct", "strength_change_pct", "strength_1rm_change_pct"], catalogue.OfMuscles.Select(m => m.Json));
        Assert.Equal(["vo2max_ml_kg_min", "body_mass_kg", "fat_mass_kg", "bone_density_change_pct", "joint_load_index", "injury_risk"], catalogue.OfBody.Select(m => m.Json));
        // One name per measure: the uncertainty's drivers and the catalogue agree on body mass.
        Assert.Equal("body_mass", catalogue["body_mass"].Key);
    }

    [Fact]
    public void AMeasureAddedToTheCatalogueIsInTheJsonAndTheContractKeepsItsShape()
    {
        var outcome = Simulator.Run(ScenarioParser.Parse(BuiltInScenarios.Text("novice")!, "novice").ToInput());
        var catalogue = MeasureCatalogue.Standard.With(
            Measure.OfBody("body_fat", "body_fat_pct", "body fat share", b => 100 * b.FatMassKilograms / b.BodyMassKilograms) with { Unit = "%", Better = Better.Lower });
        var plain = JsonNode.Parse(outcome.ToJson())!.AsObject();
        var added = OutcomeJson.Node(outcome, catalogue);

        Assert.Null(plain["final"]!["body_fat_pct"]);
        Assert.Equal(100 * outcome.Final.FatMassKilograms / outcome.Final.BodyMassKilograms, (double)added["final"]!["body_fat_pct"]!, 9);
        Assert.Equal((double)added["start"]!["body_fat_pct"]!, 100 * outcome.Start.FatMassKilograms / outcome.Start.BodyMassKilograms, 9);
        // Every key of the contract is still there, in its place, with its value.
        var final = added["final"]!.AsObject();
        final.Remove("body_fat_pct");
        Assert.Equal(plain["final"]!.ToJsonString(), final.ToJsonString());
    }

    [Fact]
    public void ACatalogueRefusesASecondMeasureOfTheSameName()
    {
        var duplicate = Measure.OfBody("vo2max", "vo2", "VO2max again", b => b.Vo2MaxMillilitresPerKilogramPerMinute);
        Assert.Throws<ArgumentException>(() => MeasureCatalogue.Standard.With(duplicate));
    }

    [Fact]
    public void AMeasureSaysItsSubjectAndBothDirections()
    {
        var size = MeasureCatalogue.Standard["size"];
        Assert.Equal("the glutes and calves may grow or shrink", size.MayGoEitherWay("glutes", "calves"));
        Assert.Equal("glutes strength", MeasureCatalogue.Standard["strength"].Subject("glutes"));
        Assert.Equal("VO2max may rise or fall", MeasureCatalogue.Standard["vo2max"].MayGoEitherWay());
        Assert.Equal("+4.0 %", size.Format(3.96));
        Assert.Equal("45.3 ml/kg/min", MeasureCatalogue.Standard["vo2max"].Format(45.26));
    }

    /// <summary>A scenario's description written in kilometres reads in miles for a runner who runs in miles, as written to the digit.</summary>
    [Fact]
    public void ProseInKilometresFollowsTheRunnersUnit()
    {
        Assert.Equal("about 22 mi a week", DistanceUnits.InText("about 35 km a week", DistanceUnit.Miles));
        Assert.Equal("a 6.2 mi tempo and 106 mi a week", DistanceUnits.InText("a 10.0 km tempo and 170km a week", DistanceUnit.Miles));
        Assert.Equal("about 35 km a week", DistanceUnits.InText("about 35 km a week", DistanceUnit.Kilometres));
        Assert.Null(DistanceUnits.InText(null, DistanceUnit.Miles));
        Assert.Equal("the couch-to-5K programme", DistanceUnits.InText("the couch-to-5K programme", DistanceUnit.Miles));
    }
}
