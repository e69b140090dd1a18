using System.Net;
using System.Net.Sockets;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

internal static class FreePorts
{
    /// <summary>Ports the OS reports free on loopback right now (released again before use).</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
