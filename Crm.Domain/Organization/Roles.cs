namespace Crm.Domain.Organization;

/// <summary>The roles a user of a tenant can hold. Names are stable: they are stored and put in claims.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Manager = nameof(Manager);
    public const string SalesRep = nameof(SalesRep);
    public const string Dispatcher = nameof(Dispatcher);
    public const string Technician = nameof(Technician);
    public const string Finance = nameof(Finance);

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, SalesRep, Dispatcher, Technician, Finance];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
