namespace OrleansLoyalty.Grains.Administration;

public enum TemplateCreation
{
    Created,
    /// <summary>A template with this id exists.</summary>
    IdTaken,
    /// <summary>Another public template has this code.</summary>
    CodeTaken,
}
