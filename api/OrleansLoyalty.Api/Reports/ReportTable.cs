using System.Data;

namespace OrleansLoyalty.Api.Reports;

/// <summary>
/// One table of a report as a file shows it: Chinese headers with the JSON field in brackets, money in yuan. A CSV
/// holds a report's first table; a workbook holds each table as a worksheet.
/// </summary>
public sealed class ReportTable(string name)
{
    private readonly DataTable _table = new(name);

    public string Name => name;

    public DataTable Data => _table;

    public ReportTable Text(string header, string field) => Column(header, field, typeof(string));

    public ReportTable Count(string header, string field) => Column(header, field, typeof(long));

    /// <summary>A money column: fen in, yuan out (decimal, two places; never a float).</summary>
    public ReportTable Money(string header, string field)
    {
        _moneyColumns.Add(_table.Columns.Count);
        return Column(header, field, typeof(decimal));
    }

    /// <summary>Adds a row in column order; money columns take fen.</summary>
    public ReportTable Row(params object?[] values)
    {
        var row = _table.NewRow();
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = values[i] switch
            {
                null => DBNull.Value,
                long fen when _moneyColumns.Contains(i) => fen / 100m,
                int n when _table.Columns[i].DataType == typeof(long) => (long)n,
                var v => v,
            };
        }
        _table.Rows.Add(row);
        return this;
    }

    private readonly HashSet<int> _moneyColumns = [];

    private ReportTable Column(string header, string field, Type type)
    {
        _table.Columns.Add(new DataColumn($"{header} ({field})", type));
        return this;
    }
}
