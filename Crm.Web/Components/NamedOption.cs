namespace Crm.Web.Components;

/// <summary>Something a user picks from a list (a shop, a region, a rep): its id and the name shown.</summary>
public sealed record NamedOption(Guid Id, string Name);
