namespace OrleansLoyalty.Grains; public static class Placeholder;
