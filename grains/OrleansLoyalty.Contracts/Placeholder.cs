namespace OrleansLoyalty.Contracts; public static class Placeholder;
