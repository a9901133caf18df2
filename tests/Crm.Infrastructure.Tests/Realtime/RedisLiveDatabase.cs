using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>
/// The demo data with the live engine publishing on the Redis feed (as Realtime:Feed=Redis wires it),
/// over a redis-server of the fixture's own that a test may stop and start again. This fixture is
/// "instance A"; <see cref="OtherInstance"/> makes an "instance B" on the same Redis.
/// </summary>
public sealed class RedisLiveDatabase : LiveDemoDatabase
{
    public RedisLiveDatabase()
        : this(RedisServer.OnFreePort())
    {
    }

    private RedisLiveDatabase(RedisServer redis)
        : base(services =>
        {
            services.AddSingleton(_ => RedisConnection.Connect(redis.ConnectionString));
            services.AddSingleton<RedisBoardFeed>();
            services.AddSingleton<IBoardFeed>(sp => sp.GetRequiredService<RedisBoardFeed>());
        })
    {
        Redis = redis;
    }

    public RedisServer Redis { get; }

    public RedisBoardFeed RedisFeed => Services.GetRequiredService<RedisBoardFeed>();

    public override Task InitializeAsync()
    {
        Redis.Restart();
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            Redis.Dispose();
        }
    }

    /// <summary>Another instance's feed on the same Redis, with its own connection; the caller disposes it.</summary>
    public Instance OtherInstance()
    {
        var connection = RedisConnection.Connect(Redis.ConnectionString);
        return new Instance(connection, new RedisBoardFeed(connection, NullLogger<RedisBoardFeed>.Instance));
    }

    public sealed class Instance(IConnectionMultiplexer connection, RedisBoardFeed feed) : IDisposable
    {
        public RedisBoardFeed Feed { get; } = feed;

        public IConnectionMultiplexer Connection { get; } = connection;

        public void Dispose()
        {
            Feed.Dispose();
            Connection.Dispose();
        }
    }
}
