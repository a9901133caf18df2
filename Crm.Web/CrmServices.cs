using Microsoft.Extensions.Localization;
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
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace Crm.Web;

/// <summary>The composition of Crm, kept out of Program.cs so that tests compose the same app.</summary>
public static class CrmServices
{
    /// <summary>
    /// A circuit's live links, which dispatch into the circuit's store. The board links are also registered as
    /// <see cref="LiveBoardLink"/>, so <see cref="BoardCircuitHandler"/> resyncs every open board after a reconnect.
    /// </summary>
    public static IServiceCollection AddLiveLinks(this IServiceCollection services)
    {
        services.AddScoped<NotificationsLive>();
        services.AddScoped<Crm.Web.Features.Opportunities.PipelineLive>();
        services.AddScoped<Crm.Web.Features.Approvals.ApprovalsLive>();
        services.AddScoped<Crm.Web.Features.WorkOrders.DispatchLive>();
        services.AddScoped<LiveBoardLink>(sp => sp.GetRequiredService<Crm.Web.Features.Opportunities.PipelineLive>());
        services.AddScoped<LiveBoardLink>(sp => sp.GetRequiredService<Crm.Web.Features.Approvals.ApprovalsLive>());
        services.AddScoped<LiveBoardLink>(sp => sp.GetRequiredService<Crm.Web.Features.WorkOrders.DispatchLive>());
        return services;
    }

    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(Crm.Web.Resources.CachedStringLocalizer<>));
        services.AddSingleton(TimeProvider.System);

        services.AddCrmPersistence(configuration, environment.ContentRootPath);

        // Sign-in cookies survive a restart: keys live beside the database unless configured elsewhere.
        // On PostgreSQL they live in the database, so every instance of a cluster accepts every cookie.
        var dataProtection = services.AddDataProtection().SetApplicationName("Crm");
        if (IsPostgres(configuration))
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<DatabaseModel>((options, database) => options.XmlRepository = new DatabaseKeyRepository(database));
        }
        else
        {
            var keys = configuration["DataProtection:KeysPath"] ?? Path.Combine(environment.ContentRootPath, "data", "keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<CircuitHandler, BoardCircuitHandler>();
        services.AddLiveLinks();
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
        services.AddScoped<UserAdministration>();
        services.AddScoped<PipelineSettingsCommands>();
        services.AddScoped<Crm.Web.Features.Opportunities.OpportunityCommands>();
        services.AddScoped<Crm.Web.Features.Opportunities.OpportunityDetailCommands>();
        services.AddScoped<Crm.Web.Features.Approvals.ApprovalCommands>();
        services.AddScoped<Crm.Web.Features.WorkOrders.WorkOrderCommands>();
        services.AddScoped<Crm.Web.Components.RuleMessages>();
        services.AddScoped<PoolSettingsCommands>();
        services.AddScoped<ServiceSettingsCommands>();
        services.AddScoped<Crm.Web.Features.Pool.PoolCommands>();
        services.AddSingleton<Crm.Web.Features.Approvals.IApprovalOutcome, Crm.Web.Features.Pool.PoolClaimOutcome>();
        services.AddScoped<Crm.Web.Features.Leads.LeadCommands>();
        services.AddScoped<Crm.Web.Features.AfterSales.AfterSalesCommands>();
        services.AddSingleton<Crm.Web.Features.Approvals.IApprovalOutcome, Crm.Web.Features.AfterSales.ReturnApprovalOutcome>();
        Crm.Web.Features.Customers.CustomersSlice.AddCustomers(services);

        services.AddLiveBoards(configuration);
        services.AddDemoSeeding();
        return services;
    }

    private static bool IsPostgres(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The live engine: feed, outbox, sweep, presence and the hub (ARCHITECTURE.md §2). Realtime:Feed
    /// InProcess (one instance) or Redis (a cluster: the feed, presence and the SignalR backplane over
    /// ConnectionStrings:Redis, ADR-005).
    /// </summary>
    private static void AddLiveBoards(this IServiceCollection services, IConfiguration configuration)
    {
        var feed = configuration["Realtime:Feed"] ?? "InProcess";
        services.AddSignalR(o => o.AddFilter<CurrentUserHubFilter>());
        if (string.Equals(feed, "Redis", StringComparison.OrdinalIgnoreCase))
        {
            var redis = configuration.GetConnectionString("Redis") is { Length: > 0 } connectionString
                ? connectionString
                : throw new InvalidOperationException("Realtime:Feed is Redis: set ConnectionStrings:Redis (ConnectionStrings__Redis).");
            services.AddSingleton(_ => RedisConnection.Connect(redis));
            services.AddSingleton<RedisBoardFeed>();
            services.AddSingleton<IBoardFeed>(sp => sp.GetRequiredService<RedisBoardFeed>());
            var presenceTtl = configuration.GetValue<TimeSpan?>("Realtime:PresenceTimeToLive") ?? RedisPresenceStore.DefaultTimeToLive;
            services.AddSingleton<IPresenceStore>(sp => new RedisPresenceStore(
                sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), sp.GetRequiredService<RedisBoardFeed>().InstanceId, presenceTtl));
            services.AddHostedService(sp => new PresenceHeartbeat(
                sp.GetRequiredService<PresenceTracker>(), presenceTtl / 3, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PresenceHeartbeat>>()));
            // The backplane serves the board hub only. Blazor circuits are sticky to their instance and
            // need none: with it they could not even connect while Redis is away.
            services.Configure<RedisOptions>(o =>
            {
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("crm:signalr");
                o.ConnectionFactory = _ => Task.FromResult(RedisConnection.Connect(redis));
            });
            services.AddSingleton<HubLifetimeManager<BoardHub>, RedisHubLifetimeManager<BoardHub>>();
            services.AddHealthChecks().AddCheck<RedisReadyCheck>("redis", tags: ["ready"]);
        }
        else if (string.Equals(feed, "InProcess", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IBoardFeed>(_ => new InProcessBoardFeed());
            services.AddSingleton<IPresenceStore, LocalPresenceStore>();
        }
        else
        {
            throw new NotSupportedException($"Realtime:Feed '{feed}' is not supported; use InProcess or Redis.");
        }

        services.AddSingleton<BoardOutbox>();
        services.AddSingleton<IBoardProjector, OpportunityBoardProjector>();
        services.AddSingleton<IBoardProjector, WorkOrderBoardProjector>();
        services.AddSingleton<IBoardProjector, NotificationProjector>();
        services.AddSingleton<IBoardProjector, ApprovalBoardProjector>();
        services.AddSingleton<ISaveReaction, ApprovalNotifications>();
        services.AddSingleton<StaleOpportunityReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<StaleOpportunityReminders>());
        services.AddSingleton<PoolRecycling>();
        services.AddHostedService(sp => sp.GetRequiredService<PoolRecycling>());
        services.AddHostedService<OutboxSweep>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<CurrentUserHubFilter>();
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

/// <summary>
/// Redis answers. Without it the instance still serves and commits (the outbox keeps what could not be
/// published), but live boards of other instances fall behind: degraded, not down.
/// </summary>
internal sealed class RedisReadyCheck(StackExchange.Redis.IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answers ({latency.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Degraded("Redis unreachable: commands still commit, live boards of other instances catch up when it is back.", exception);
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
