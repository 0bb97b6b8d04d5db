using Azure.Data.Tables;
using Ingest.Records.Storage;

namespace Ingest.Tests.Records;

public sealed class TransactionPlannerTests
{
    [Fact]
    public void Two_hundred_fifty_actions_of_one_partition_become_batches_of_at_most_one_hundred_in_order()
    {
        var actions = Enumerable.Range(0, 250).Select(i => Upsert("p", $"r{i:D3}")).ToList();

        var batches = TransactionPlanner.Plan(actions);

        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(actions.Select(a => a.Entity.RowKey), batches.SelectMany(b => b).Select(a => a.Entity.RowKey));
        Assert.Equal("r249", batches[^1][^1].Entity.RowKey);
    }

    [Fact]
    public void Actions_of_several_partitions_never_share_a_batch()
    {
        var actions = Enumerable.Range(0, 30).Select(i => Upsert($"p{i % 3}", $"r{i}")).ToList();

        var batches = TransactionPlanner.Plan(actions);

        Assert.Equal(3, batches.Count);
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.Equal(30, batches.Sum(b => b.Count));
    }

    [Fact]
    public void Large_entities_are_split_to_stay_under_four_mebibytes_per_batch()
    {
        // 30,000 Chinese characters: ~90 KB of UTF-8, ~180 KB once JSON-escaped.
        var text = new string('报', 30_000);
        var actions = Enumerable.Range(0, 60).Select(i => Upsert("p", $"r{i}", ("Text", text))).ToList();

        var batches = TransactionPlanner.Plan(actions);

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Sum(a => EntityLimits.PayloadEstimate(a.Entity)) < EntityLimits.MaxTransactionBytes));
        Assert.Equal(60, batches.Sum(b => b.Count));
    }

    [Fact]
    public void An_entity_with_more_than_252_custom_properties_is_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var e = Assert.Throws<TableLimitException>(() => TransactionPlanner.Plan([new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)]));
        Assert.Contains("253 custom properties", e.Message, StringComparison.Ordinal);
        entity.Remove("P252");
        Assert.Null(EntityLimits.Violation(entity));
    }

    [Fact]
    public void A_string_over_64_KiB_is_refused_and_one_at_the_limit_is_accepted()
    {
        Assert.NotNull(EntityLimits.Violation(new TableEntity("p", "r") { ["Text"] = new string('x', EntityLimits.MaxStringChars + 1) }));
        Assert.Null(EntityLimits.Violation(new TableEntity("p", "r") { ["Text"] = new string('x', EntityLimits.MaxStringChars) }));
    }

    [Fact]
    public void An_entity_over_one_mebibyte_is_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity[$"T{i}"] = new string('x', EntityLimits.MaxStringChars);
        }

        Assert.Contains("bytes; at most", EntityLimits.Violation(entity), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\u0001b")]
    public void Keys_with_forbidden_characters_are_refused(string key) =>
        Assert.NotNull(EntityLimits.Violation(new TableEntity("p", key)));

    [Fact]
    public void Two_actions_on_one_entity_are_refused()
    {
        Assert.Throws<TableLimitException>(() => TransactionPlanner.Plan([Upsert("p", "r"), Upsert("p", "r")]));
    }

    private static TableTransactionAction Upsert(string pk, string rk, params (string Name, object Value)[] properties)
    {
        var entity = new TableEntity(pk, rk);
        foreach (var (name, value) in properties)
        {
            entity[name] = value;
        }

        return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
    }
}
