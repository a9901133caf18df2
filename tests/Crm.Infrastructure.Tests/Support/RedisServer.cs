using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Crm.Infrastructure.Tests.Support;

/// <summary>
/// A real redis-server of the test's own, on a free loopback port, without persistence: a test can
/// stop it (the process is killed, as in a crash) and start it again on the same port, and no other
/// test notices. The binary is CRM_REDIS_SERVER or redis-server on the PATH (test.sh installs it).
/// Shared by the infrastructure and end-to-end tests (linked source).
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    private RedisServer(string executable, int port)
    {
        Executable = executable;
        Port = port;
    }

    public string Executable { get; }

    public int Port { get; }

    /// <summary>For ConnectionStrings:Redis.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Null when redis-server can be started; otherwise why not.</summary>
    public static string? Missing => FindExecutable() is null
        ? "redis-server is not installed (Debian: apt-get install redis-server, or set CRM_REDIS_SERVER); ./test.sh installs it when run as root."
        : null;

    /// <summary>A server on a free port, not started yet (<see cref="Restart"/> starts it).</summary>
    public static RedisServer OnFreePort() => new(FindExecutable() ?? "redis-server", FreePort());

    public static RedisServer Start()
    {
        var server = OnFreePort();
        server.Restart();
        return server;
    }

    /// <summary>Kills the server: every connection drops, nothing is saved.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts it (again) on the same port and waits until it answers.</summary>
    public void Restart()
    {
        Stop();
        if (Missing is { } why)
        {
            throw new InvalidOperationException(why);
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Executable} exited at start with code {_process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"{Executable} does not answer on port {Port}.");
    }

    public void Dispose() => Stop();

    private static string? FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("CRM_REDIS_SERVER") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
