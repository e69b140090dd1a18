using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Grains.Pricing;

// The .NET runtime looks for exactly this type: global namespace, named StartupHook, static Initialize().
// With DOTNET_STARTUP_HOOKS=<this dll> the unchanged api binary gets the benchmark's catalog, campaigns and
// public coupons in its silo's PricingEngines as soon as its host is built (before it listens), because the
// admin endpoints that would load them over HTTP are not merged yet.
#pragma warning disable CA1050 // Declare types in namespaces: the runtime requires the global namespace here.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize() => DiagnosticListener.AllListeners.Subscribe(new HostingListeners());

    private sealed class HostingListeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(new HostBuiltObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class HostBuiltObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilt" && value.Value is IHost host && host.Services.GetService(typeof(PricingEngines)) is PricingEngines engines)
            {
                WorkloadRules.SaveAsync(host.Services, CancellationToken.None).GetAwaiter().GetResult();
                WorkloadRules.LoadInto(engines);
                Console.Error.WriteLine("bench startup hook: loaded the benchmark catalog, campaigns and coupon templates");
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
