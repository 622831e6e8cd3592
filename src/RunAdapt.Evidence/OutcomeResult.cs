namespace RunAdapt.Evidence;

/// <summary>One published outcome beside the model's value.</summary>
/// <param name="Study">The study.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Outcome">The published outcome.</param>
/// <param name="Model">The model's value in the outcome's unit; <c>null</c> when the model does not report the measure.</param>
/// <param name="Band">The passing band (the tolerance rule).</param>
public sealed record OutcomeResult(Study Study, Arm Arm, Outcome Outcome, double? Model, ToleranceBand Band)
{
    /// <summary>Whether the model reports this measure at all (an unmodelled one is listed, never dropped).</summary>
    public bool Modelled => Model is not null;

    /// <summary>Whether the model value lies within the tolerance; <c>null</c> when not modelled.</summary>
    public bool? Pass => Model is { } m ? Band.Contains(m) : null;

    /// <summary>(model − published) / the band's half-width on the model's side; <c>null</c> when not modelled.</summary>
    public double? StandardizedError => Model is { } m ? (m - Band.Mean) / Math.Max(Band.HalfWidthToward(m), 1e-12) : null;

    /// <summary>A stable, unique key of the outcome: study/arm/position in the arm:measure (an arm may report a measure twice, measured two ways).</summary>
    public string Key => $"{Study.Id}/{Arm.Id}/{IndexInArm()}:{Outcome.Measure}";

    private int IndexInArm()
    {
        for (var i = 0; i < Arm.Outcomes.Count; i++)
        {
            if (ReferenceEquals(Arm.Outcomes[i], Outcome))
            {
                return i;
            }
        }

        return -1;
    }
}
