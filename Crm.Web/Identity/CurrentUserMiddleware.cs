namespace Crm.Web.Identity;

/// <summary>For plain HTTP requests (sign-in, endpoints, the hub): the request's user is the scope's user.</summary>
internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User);
        return next(context);
    }
}
