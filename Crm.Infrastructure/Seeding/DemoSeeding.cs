using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// One seeder per area. Each is idempotent (it checks its own data before writing) and
/// deterministic (fixed ids from <see cref="DemoIds"/>, a fixed random seed), so tests can rely on it.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first; organization is 0, later areas add theirs above.</summary>
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

public sealed record DemoSeedContext(DatabaseModel Database, UserManager<CrmUser> Users, RoleManager<CrmRole> Roles, TimeProvider Clock);

public static class DemoSeeding
{
    public const string DemoPassword = "Demo123!";

    public static IServiceCollection AddDemoSeeding(this IServiceCollection services)
    {
        services.AddTransient<IDemoSeeder, OrganizationDemoSeeder>();
        services.AddTransient<IDemoSeeder, CustomerDemoSeeder>();
        services.AddTransient<IDemoSeeder, OpportunityDemoSeeder>();
        services.AddTransient<IDemoSeeder, WorkOrderDemoSeeder>();
        services.AddTransient<IDemoSeeder, LeadDemoSeeder>();
        services.AddTransient<IDemoSeeder, CustomerFollowUpDemoSeeder>();
        services.AddTransient<IDemoSeeder, NotificationDemoSeeder>();
        services.AddTransient<IDemoSeeder, ApprovalDemoSeeder>();
        services.AddTransient<IDemoSeeder, PoolDemoSeeder>();
        services.AddTransient<IDemoSeeder, AfterSalesDemoSeeder>();
        return services;
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var context = new DemoSeedContext(
            provider.GetRequiredService<DatabaseModel>(),
            provider.GetRequiredService<UserManager<CrmUser>>(),
            provider.GetRequiredService<RoleManager<CrmRole>>(),
            provider.GetRequiredService<TimeProvider>());
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSeeding));
        foreach (var seeder in provider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            logger.LogInformation("Seeding demo data: {Seeder}", seeder.GetType().Name);
            await seeder.SeedAsync(context, cancellationToken);
        }
    }
}
