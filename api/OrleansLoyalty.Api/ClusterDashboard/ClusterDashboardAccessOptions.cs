using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Api.ClusterDashboard;

/// <summary>How admins reach Orleans' dashboard through the api. Bound from the "OrleansDashboard" section.</summary>
public sealed class ClusterDashboardAccessOptions
{
    public const string SectionName = "OrleansDashboard";

    /// <summary>Lifetime of the dashboard cookie: short, because it cannot be revoked before it expires.</summary>
    [Range(1, 8 * 60)]
    public int SessionMinutes { get; set; } = 30;

    /// <summary>
    /// The dashboard's grain-state view activates any grain by id and calls its parameterless methods by
    /// reflection (which may change state) and shows what they return in clear, personal data included. Off
    /// unless an operator turns it on.
    /// </summary>
    public bool GrainStateInspection { get; set; }
}
