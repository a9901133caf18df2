namespace Crm.Web.Features.Customers;

/// <summary>The customers slice's use cases, registered in one place for the app and the tests.</summary>
public static class CustomersSlice
{
    public static IServiceCollection AddCustomers(IServiceCollection services)
    {
        services.AddScoped<CustomerList>();
        services.AddScoped<CustomerProfileQuery>();
        services.AddScoped<CustomerCommands>();
        services.AddScoped<HandOverCommands>();
        return services;
    }
}
