global using System.Collections.Immutable;
global using OrleansLoyalty.Contracts.Cards;
global using OrleansLoyalty.Contracts.Checkout;
global using OrleansLoyalty.Contracts.Errors;
global using OrleansLoyalty.Contracts.Members;
global using OrleansLoyalty.Grains.Tests.Support;
