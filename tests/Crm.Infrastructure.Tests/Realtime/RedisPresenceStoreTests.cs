using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Tests.Support;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>Presence across instances on a real redis-server: everybody's entries, and an instance that dies drops out.</summary>
public sealed class RedisPresenceStoreTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(1);

    [RedisFact]
    public async Task WhenTwoInstancesHavePeopleOnABoard_EachReadsBoth_AndAnInstanceThatStopsRefreshingExpires()
    {
        using var redis = RedisServer.Start();
        using var connectionA = RedisConnection.Connect(redis.ConnectionString);
        using var connectionB = RedisConnection.Connect(redis.ConnectionString);
        var a = new RedisPresenceStore(connectionA, "instance-a", TimeToLive);
        var b = new RedisPresenceStore(connectionB, "instance-b", TimeToLive);

        await a.SaveAsync(Tenant, Boards.Opportunities, """[{"user":"rep1"}]""");
        await b.SaveAsync(Tenant, Boards.Opportunities, """[{"user":"manager"}]""");

        (await b.ReadAsync(Tenant, Boards.Opportunities)).Order().ShouldBe(["""[{"user":"manager"}]""", """[{"user":"rep1"}]"""]);
        (await a.ReadAsync(Tenant, Boards.WorkOrders)).ShouldBeEmpty();

        // A dies (stops refreshing); B goes on with its heartbeat.
        for (var beat = 0; beat < 4; beat++)
        {
            await Task.Delay(TimeToLive / 2);
            await b.SaveAsync(Tenant, Boards.Opportunities, """[{"user":"manager"}]""");
        }

        (await b.ReadAsync(Tenant, Boards.Opportunities)).ShouldBe(["""[{"user":"manager"}]"""]);
    }

    [RedisFact]
    public async Task WhenTheLastPersonOfAnInstanceLeaves_ItsEntryIsGoneAtOnce()
    {
        using var redis = RedisServer.Start();
        using var connection = RedisConnection.Connect(redis.ConnectionString);
        var store = new RedisPresenceStore(connection, "instance-a", TimeSpan.FromMinutes(1));

        await store.SaveAsync(Tenant, Boards.Opportunities, """[{"user":"rep1"}]""");
        await store.SaveAsync(Tenant, Boards.Opportunities, "[]");

        (await store.ReadAsync(Tenant, Boards.Opportunities)).ShouldBeEmpty();
    }
}
