using System.Globalization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web;
using Crm.Web.Components;
using Crm.Web.Features.Account;
using Crm.Web.Features.Leads;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCrm(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.Services.InitializeCrmAsync(app.Configuration, app.Environment);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseRequestLocalization(options =>
{
    var cultures = AccountEndpoints.SupportedCultures.Select(c => new CultureInfo(c)).ToList();
    options.DefaultRequestCulture = new RequestCulture(builder.Configuration["Localization:DefaultCulture"] ?? "en");
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
});
app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = ReadinessReport.WriteAsync });
app.MapAccountEndpoints();
app.MapLeadExport();
app.MapHub<BoardHub>(BoardHub.Path);
app.MapBenchDiagnostics();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Crm is ready. Open {Urls} and sign in (demo users: see README).", string.Join(", ", app.Urls)));
await app.RunAsync();

public partial class Program;
