using System.Globalization;
using RunAdapt.Activities;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage;

/// <summary>Takes an export's profile (Garmin Connect's heart rates, mass, height, VO2max) into the store where the user set nothing.</summary>
public static class ExportProfiles
{
    /// <summary>
    /// Fills the stored athlete from the export's profile where the user set nothing: sex, age, mass and height only
    /// while no profile was ever saved (they have defaults, so a saved profile's are the user's); maximal and resting
    /// heart rate and VO2max wherever they are still unset. Saves the athlete when anything was taken.
    /// </summary>
    /// <param name="store">The athlete store.</param>
    /// <param name="profile">The export's profile.</param>
    /// <returns>What was taken, in words ("female, 34 y, 58 kg, max HR 188"), or <c>null</c> when nothing was.</returns>
    public static string? Apply(AthleteStore store, ExportProfile profile)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profile);
        var saved = store.HasAthlete();
        var athlete = store.LoadAthlete();
        var taken = new List<string>();
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        if (!saved)
        {
            if (profile.Female is { } female)
            {
                athlete = athlete with { Sex = female ? Sex.Female : Sex.Male };
                taken.Add(female ? "female" : "male");
            }

            if (profile.BirthDate is { } born && Age(born) is >= 5 and <= 100 and var age)
            {
                athlete = athlete with { AgeYears = age };
                taken.Add(I($"{age:0} y"));
            }

            if (profile.MassKilograms is { } mass)
            {
                athlete = athlete with { MassKilograms = mass };
                taken.Add(I($"{mass:0.#} kg"));
            }

            if (profile.HeightCentimetres is { } height)
            {
                athlete = athlete with { HeightCentimetres = height };
                taken.Add(I($"{height:0} cm"));
            }
        }

        if (athlete.HeartRateMaxBeatsPerMinute is null && profile.HeartRateMax is { } max)
        {
            athlete = athlete with { HeartRateMaxBeatsPerMinute = max };
            taken.Add(I($"max HR {max:0}"));
        }

        if (athlete.HeartRateRestBeatsPerMinute is null && profile.HeartRateRest is { } rest)
        {
            athlete = athlete with { HeartRateRestBeatsPerMinute = rest };
            taken.Add(I($"resting HR {rest:0}"));
        }

        if (athlete.Vo2MaxMillilitresPerKilogramPerMinute is null && profile.Vo2Max is { } vo2)
        {
            athlete = athlete with { Vo2MaxMillilitresPerKilogramPerMinute = vo2 };
            taken.Add(I($"VO2max {vo2:0.#}"));
        }

        if (taken.Count == 0)
        {
            return null;
        }

        store.SaveAthlete(athlete);
        return string.Join(", ", taken);
    }

    private static double Age(DateOnly born)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);
    }
}
