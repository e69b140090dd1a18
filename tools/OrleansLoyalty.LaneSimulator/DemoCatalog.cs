using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>
/// A small supermarket catalog the simulator scans from. <c>--write-catalog</c> saves it in the
/// gateway's offline-catalog format, <c>--write-products</c> as the REST bulk upsert body, so that the
/// gateway and the cluster know the same goods.
/// </summary>
public static class DemoCatalog
{
    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("690123", "6901234567892", "光明纯牛奶 Bright milk 1L", ["食品", "乳制品", "牛奶"], 1250),
        new("690124", "6901234567908", "安慕希酸奶 Ambrosial yogurt", ["食品", "乳制品", "酸奶"], 590),
        new("690125", "6901234567915", "蒙牛特仑苏 Telunsu milk", ["食品", "乳制品", "牛奶"], 6590),
        new("690201", "6902538005141", "康师傅红烧牛肉面 Beef noodles", ["食品", "方便食品", "方便面"], 450),
        new("690202", "6902538005158", "统一老坛酸菜面 Pickled cabbage noodles", ["食品", "方便食品", "方便面"], 450),
        new("690301", "6901028075756", "农夫山泉 Nongfu spring 550ml", ["饮料", "水"], 200),
        new("690302", "6901028075763", "可口可乐 Coca-Cola 330ml", ["饮料", "碳酸饮料"], 350),
        new("690303", "6901028075770", "东方树叶 Oriental leaf tea", ["饮料", "茶饮料"], 550),
        new("690401", "6920174726117", "五常大米 Wuchang rice 5kg", ["食品", "粮油", "大米"], 5990),
        new("690402", "6920174726124", "金龙鱼花生油 Peanut oil 5L", ["食品", "粮油", "食用油"], 12990),
        new("690403", "6920174726131", "海天酱油 Haitian soy sauce", ["食品", "调味品", "酱油"], 1390),
        new("690404", "6920174726148", "镇江香醋 Zhenjiang vinegar", ["食品", "调味品", "醋"], 890),
        new("690501", "6934665083201", "奥利奥 Oreo", ["食品", "零食", "饼干"], 990),
        new("690502", "6934665083218", "乐事薯片 Lay's chips", ["食品", "零食", "膨化食品"], 790),
        new("690503", "6934665083225", "德芙巧克力 Dove chocolate", ["食品", "零食", "巧克力"], 1590),
        new("690601", "6903148042441", "心相印纸巾 Tissues", ["日用品", "纸品"], 1990),
        new("690602", "6903148042458", "蓝月亮洗衣液 Laundry liquid", ["日用品", "清洁"], 3990),
        new("690603", "6903148042465", "高露洁牙膏 Colgate toothpaste", ["日用品", "个护"], 1290),
        new("690701", "6905678901234", "三只松鼠坚果 Mixed nuts", ["食品", "零食", "坚果"], 3990),
        new("690702", "6905678901241", "思念水饺 Frozen dumplings", ["食品", "冷冻", "水饺"], 2290),
        new("690801", "6901234000011", "青岛啤酒 Tsingtao beer 500ml", ["饮料", "酒类", "啤酒"], 590),
        new("690802", "6901234000028", "中华香烟 Zhonghua cigarettes", ["烟草"], 4500),
        new("690803", "6901234000035", "飞鹤奶粉 Feihe infant formula", ["母婴", "奶粉"], 26800),
        new("BANANA", "2000001", "香蕉 Banana (kg)", ["生鲜", "水果"], 698, SoldByWeight: true),
        new("APPLE", "2000002", "红富士苹果 Fuji apple (kg)", ["生鲜", "水果"], 1180, SoldByWeight: true),
        new("PORK", "2000003", "猪五花肉 Pork belly (kg)", ["生鲜", "肉类"], 3280, SoldByWeight: true),
        new("CABBAGE", "2000004", "大白菜 Napa cabbage (kg)", ["生鲜", "蔬菜"], 298, SoldByWeight: true),
        new("EGGS", "2000005", "土鸡蛋 Free-range eggs (kg)", ["生鲜", "蛋类"], 1980, SoldByWeight: true),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The gateway's offline catalog file (Gateway:SeedCatalogPath); promotions come from the cluster's rules.</summary>
    public static void WriteGatewayCatalog(string path, string storeId, DateTimeOffset asOf)
    {
        var snapshot = new
        {
            storeId,
            asOf,
            products = Products.Select(p => new { p.Sku, p.Barcode, p.Name, p.CategoryPath, p.Price, p.SoldByWeight }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(snapshot, Json));
    }

    /// <summary>The body of <c>PUT /api/v1/stores/{storeId}/products</c>.</summary>
    public static void WriteRestProducts(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(Products.Select(p => new { p.Sku, p.Barcode, p.Name, p.CategoryPath, p.Price, p.SoldByWeight }), Json));
}
