using System.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace OrleansLoyalty.Api.Reports;

/// <summary>Writes a report's tables as the file asked for: <c>csv</c> (its first table) or <c>xlsx</c> (a worksheet each).</summary>
public static class ReportFile
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Excel opens a CSV as UTF-8 only when it starts with a byte-order mark; without it 中文 headers come out garbled.
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static async Task<IResult> Write(string format, string fileName, IReadOnlyList<ReportTable> tables, CancellationToken ct)
    {
        var stream = new MemoryStream();
        if (format == "csv")
        {
            await WriteCsv(stream, tables[0].Data, ct);
        }
        else
        {
            using var workbook = new DataSet();
            foreach (var table in tables)
            {
                workbook.Tables.Add(table.Data);
            }
            await stream.SaveAsAsync(workbook, excelType: ExcelType.XLSX, cancellationToken: ct);
        }
        stream.Position = 0;
        return Results.File(stream, format == "csv" ? CsvType : XlsxType, $"{fileName}.{format}");
    }

    private static async Task WriteCsv(Stream stream, DataTable table, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, Utf8WithBom, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (DataColumn column in table.Columns)
        {
            csv.WriteField(column.ColumnName);
        }
        await csv.NextRecordAsync();
        foreach (DataRow row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var value in row.ItemArray)
            {
                csv.WriteField(value switch
                {
                    decimal yuan => yuan.ToString("0.00", CultureInfo.InvariantCulture),
                    DBNull => "",
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                });
            }
            await csv.NextRecordAsync();
        }
    }
}
