using System.Net;
using System.Text;
using MiniExcelLibs;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Reports;

/// <summary>Reports as files for Excel (docs/reports.md, "Files").</summary>
[Collection(ApiCollection.Name)]
public sealed class ReportFileTests(ApiFixture fixture)
{
    private ReportRows Rows => new(fixture.Database.ConnectionString);

    [Fact]
    public async Task A_csv_opens_in_excel_with_chinese_headers_and_yuan_amounts()
    {
        var storeId = AdminHttp.Store();
        await Rows.SaleAsync(storeId, new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero), 123_450);

        using var response = await fixture.Admin.Http.GetAsync($"/api/v1/reports/sales?from=2026-11-19&to=2026-11-20&storeId={storeId}&format=csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("sales-2026-11-19-2026-11-20.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("期间 (period),销售笔数 (sales),退货笔数 (returns),会员销售笔数 (memberSales),销售额 (revenue)", lines[0]);
        Assert.Equal(["2026-11-19,0,0,0,0.00", "2026-11-20,1,0,0,1234.50"], lines[1..].Select(l => string.Join(',', l.Split(',')[..5])));
    }

    [Fact]
    public async Task A_workbook_has_a_sheet_per_table_with_money_as_numbers()
    {
        var storeId = AdminHttp.Store();
        await Rows.SaleAsync(storeId, new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero), 9_999);

        using var response = await fixture.Admin.Http.GetAsync($"/api/v1/reports/sales?from=2026-11-21&to=2026-11-21&storeId={storeId}&format=xlsx");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["按期间", "按门店", "合计"], stream.GetSheetNames());
        var byStore = stream.Query(useHeaderRow: true, sheetName: "按门店").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(storeId, byStore["门店 (storeId)"]);
        Assert.Equal(99.99m, Convert.ToDecimal(byStore["销售额 (revenue)"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reading_a_report_is_in_the_audit_log()
    {
        var storeId = AdminHttp.Store();

        await fixture.Admin.GetAsync($"/api/v1/reports/categories?from=2026-11-01&to=2026-11-30&storeId={storeId}");

        var audit = await fixture.Admin.GetAsync($"/api/v1/audit?resource=report/categories/2026-11-01..2026-11-30/{storeId}");
        Assert.Equal("report.read", audit.Body!["entries"]![0]!["action"]!.GetValue<string>());
    }
}
