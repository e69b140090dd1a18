// Each collection starts its own in-process cluster; started side by side they compete for the in-process
// membership and gateways, so collections run one after the other (tests inside stay fast).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
