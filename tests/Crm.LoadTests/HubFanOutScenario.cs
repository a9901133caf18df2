using System.Diagnostics;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;
using HdrHistogram;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.LoadTests;

/// <summary>
/// Scenario 5: N external SignalR clients on /hubs/boards (head office, so every move reaches every
/// one of them), one mover moving cards through the hub at a fixed rate. Latency is each client's
/// arrival time minus the event's commit time (one machine, one clock). Memory per connection is
/// the slope of the server's managed heap (after a full GC) from no clients to N.
/// </summary>
public static class HubFanOutScenario
{
    public static async Task<RunResult> RunAsync(int connections, double movesPerSecond, int moves, bool pin)
    {
        await using var server = await BenchServer.StartAsync(benchUsers: 0, pin);
        var cookies = await server.SignInAsync("manager@demo.local");
        var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
        long received = 0;
        var idle = await server.MemoryAsync();

        var clients = new List<HubConnection>(connections);
        var connectErrors = 0;
        foreach (var batch in Enumerable.Range(0, connections).Chunk(50))
        {
            var opened = await Task.WhenAll(batch.Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(server.HubUrl, o =>
                    {
                        o.Cookies = cookies;
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                    })
                    .Build();
                connection.ServerTimeout = TimeSpan.FromMinutes(2);
                connection.On<BoardEvent>(nameof(ICrmClient.BoardEvent), e =>
                {
                    if (e.Kind == BoardEventKinds.Moved)
                    {
                        var micros = (long)((DateTimeOffset.UtcNow - e.CommittedAt).TotalMilliseconds * 1000);
                        lock (histogram)
                        {
                            histogram.RecordValue(Math.Max(0, micros));
                        }

                        Interlocked.Increment(ref received);
                    }
                });
                try
                {
                    await connection.StartAsync();
                    await connection.InvokeAsync(nameof(BoardHub.JoinBoard), Boards.Opportunities);
                    return connection;
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException or TimeoutException)
                {
                    Interlocked.Increment(ref connectErrors);
                    await connection.DisposeAsync();
                    return null;
                }
            }));
            clients.AddRange(opened.OfType<HubConnection>());
        }

        var connected = await server.MemoryAsync();

        // The mover: its own connection (not counted), the head-office manager, cards that move freely.
        await using var mover = new HubConnectionBuilder()
            .WithUrl(server.HubUrl, o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        await mover.StartAsync();
        var cards = server.MovableCards.Select(c => (c.Id, c.Stage, c.Version)).ToList();
        var moveErrors = 0;
        var interval = TimeSpan.FromSeconds(1 / movesPerSecond);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < moves; i++)
        {
            var due = interval * i;
            if (sw.Elapsed < due)
            {
                await Task.Delay(due - sw.Elapsed);
            }

            var (id, stage, version) = cards[i % cards.Count];
            var target = stage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
            var result = await mover.InvokeAsync<HubMoveResult>(nameof(BoardHub.MoveOpportunity), id, target, version);
            if (!result.Moved && result is { Version: { } current, Stage: { } currentStage })
            {
                // Changed since seeding (the reminder job at start-up touches stale cards): move from what it is now.
                target = currentStage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
                result = await mover.InvokeAsync<HubMoveResult>(nameof(BoardHub.MoveOpportunity), id, target, current);
            }

            if (result.Moved)
            {
                cards[i % cards.Count] = (id, target, result.Version!.Value);
            }
            else
            {
                moveErrors++;
                Console.Error.WriteLine($"  move refused: {result.Code} {result.Message}");
            }
        }

        var expected = (long)(moves - moveErrors) * clients.Count;
        var settle = Stopwatch.StartNew();
        while (Interlocked.Read(ref received) < expected && settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        sw.Stop();
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        var lost = expected - Interlocked.Read(ref received);
        return RunResult.From(
            "external hub", $"{connections} connections, {movesPerSecond:0.#} moves/s{(pin ? ", pinned" : string.Empty)}", histogram,
            connectErrors + moveErrors + Math.Max(0, lost), sw.Elapsed.TotalSeconds,
            new Dictionary<string, double>
            {
                ["connected"] = clients.Count,
                ["moves"] = moves - moveErrors,
                ["KB per connection"] = clients.Count == 0 ? 0 : (connected.ManagedBytes - idle.ManagedBytes) / 1024.0 / clients.Count,
            });
    }
}
