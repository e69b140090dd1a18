namespace OrleansLoyalty.Database; public static class Placeholder;
