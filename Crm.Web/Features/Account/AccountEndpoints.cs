using Crm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Web.Features.Account;

public static class AccountEndpoints
{
    public static readonly string[] SupportedCultures = ["en", "zh-CN"];

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post: binding [FromForm] makes the endpoint validate the antiforgery token.
        endpoints.MapPost("/Account/Logout", async (SignInManager<CrmUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        }).RequireAuthorization();

        endpoints.MapGet("/Culture/Set", (string culture, string? redirectUri, HttpContext context) =>
        {
            if (SupportedCultures.Contains(culture, StringComparer.Ordinal))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }

            var target = !string.IsNullOrEmpty(redirectUri) && redirectUri.StartsWith('/') && !redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? redirectUri
                : "/";
            return Results.LocalRedirect("~" + target);
        }).AllowAnonymous();

        return endpoints;
    }
}
