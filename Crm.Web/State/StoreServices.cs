using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.State;

public static class StoreServices
{
    public static IServiceCollection AddCrmStore(this IServiceCollection services, params Assembly[] assemblies)
    {
        var registry = new StoreRegistry(assemblies);
        services.AddSingleton(registry);
        services.AddScoped<Store>();
        services.AddScoped<IDispatcher>(sp => sp.GetRequiredService<Store>());
        foreach (var feature in registry.FeatureTypes)
        {
            var stateInterface = typeof(IState<>).MakeGenericType(feature);
            var getState = typeof(Store).GetMethod(nameof(Store.GetState))!.MakeGenericMethod(feature);
            services.AddScoped(stateInterface, sp => getState.Invoke(sp.GetRequiredService<Store>(), null)!);
        }

        foreach (var effect in registry.EffectTypes)
        {
            services.AddScoped(effect);
        }

        return services;
    }
}
