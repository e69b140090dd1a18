using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Reports;

/// <summary>Whatever a client puts in a report's query is a 400 naming the problem, never a 5xx.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReportInputTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/api/v1/reports/ledger?from=")]
    [InlineData("/api/v1/reports/ledger?by=fortnight")]
    [InlineData("/api/v1/reports/categories?to=2026-13-01")]
    [InlineData("/api/v1/reports/members?storeId=")]
    [InlineData("/api/v1/reports/segments?format=docx")]
    [InlineData("/api/v1/reports/segments/vip/members")]
    [InlineData("/api/v1/reports/segments/lost/members?limit=0")]
    [InlineData("/api/v1/reports/segments/lost/members?limit=501")]
    [InlineData("/api/v1/reports/segments/lost/members?limit=many")]
    [InlineData("/api/v1/reports/segments/lost/members?after=0123456789012345678901234567890123")]
    [InlineData("/api/v1/members/M0123456789012345678901234567890123/analysis")]
    public async Task A_bad_report_query_is_a_400_with_a_stable_code(string path)
    {
        var reply = await fixture.Admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("request.invalid", reply.Code);
    }
}
