using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Infrastructure.Jobs;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace Crm.Web;

/// <summary>The composition of Crm, kept out of Program.cs so that tests compose the same app.</summary>
public static class CrmServices
{
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);

        services.AddCrmPersistence(configuration, environment.ContentRootPath);

        // Sign-in cookies survive a restart: keys live beside the database unless configured elsewhere.
        var keys = configuration["DataProtection:KeysPath"] ?? Path.Combine(environment.ContentRootPath, "data", "keys");
        services.AddDataProtection()
            .SetApplicationName("Crm")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<CircuitHandler, BoardCircuitHandler>();
        services.AddCascadingAuthenticationState();

        services.AddCrmIdentity();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "crm.auth";
            options.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        services.AddCrmStore(typeof(CrmServices).Assembly);
        services.AddScoped<ShellCommands>();
        services.AddScoped<NotificationCommands>();
        services.AddScoped<NotificationsLive>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PipelineSettingsCommands>();
        services.AddScoped<Crm.Web.Features.Opportunities.OpportunityCommands>();
        services.AddScoped<Crm.Web.Features.Opportunities.PipelineLive>();
        services.AddScoped<Crm.Web.Features.Opportunities.OpportunityDetailCommands>();
        services.AddScoped<Crm.Web.Components.RuleMessages>();
        Crm.Web.Features.Customers.CustomersSlice.AddCustomers(services);

        services.AddLiveBoards(configuration);
        services.AddDemoSeeding();
        return services;
    }

    /// <summary>The live engine: feed, outbox, sweep, presence and the hub (ARCHITECTURE.md §2).</summary>
    private static void AddLiveBoards(this IServiceCollection services, IConfiguration configuration)
    {
        var feed = configuration["Realtime:Feed"] ?? "InProcess";
        if (!string.Equals(feed, "InProcess", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Realtime:Feed '{feed}' is not supported yet; use InProcess.");
        }

        services.AddSingleton<IBoardFeed>(_ => new InProcessBoardFeed());
        services.AddSingleton<BoardOutbox>();
        services.AddSingleton<IBoardProjector, OpportunityBoardProjector>();
        services.AddSingleton<IBoardProjector, NotificationProjector>();
        services.AddSingleton<StaleOpportunityReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<StaleOpportunityReminders>());
        services.AddHostedService<OutboxSweep>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<CurrentUserHubFilter>();
        services.AddSignalR(o => o.AddFilter<CurrentUserHubFilter>());
        services.AddHostedService<BoardHubRelay>();
    }

    public static async Task InitializeCrmAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await DatabaseInitializer.MigrateAsync(services.GetRequiredService<DatabaseModel>());

        // Demo data: on by default outside Production; in Production only when asked for.
        var seed = configuration.GetValue<bool?>("Demo:Seed") ?? !environment.IsProduction();
        if (seed)
        {
            await DemoSeeding.SeedAsync(services);
        }
    }
}

internal sealed class DatabaseReadyCheck(DatabaseModel database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await DatabaseInitializer.IsReadyAsync(database, cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.")
                : HealthCheckResult.Unhealthy("Database has pending migrations.");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", exception);
        }
    }
}
