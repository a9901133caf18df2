using StackExchange.Redis;

namespace Crm.Infrastructure.Realtime;

public static class RedisConnection
{
    /// <summary>
    /// Connects without requiring Redis to be up (an instance starts and serves while Redis is away),
    /// fails commands at once while disconnected instead of queueing them, and retries the connection
    /// every half second so that a restarted Redis is found again quickly.
    /// </summary>
    public static IConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        options.ConnectTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.SyncTimeout = 2000;
        options.ClientName ??= "crm";
        return ConnectionMultiplexer.Connect(options);
    }
}
