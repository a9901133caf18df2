using Crm.Domain.Common;

namespace Crm.Domain.AfterSales;

/// <summary>A returned, refunded or exchanged item: what and how many.</summary>
public sealed class AfterSalesItem
{
    private AfterSalesItem()
    {
        Name = string.Empty;
    }

    private AfterSalesItem(string name, int quantity)
    {
        Name = name;
        Quantity = quantity;
    }

    public string Name { get; private set; }

    public int Quantity { get; private set; }

    public static AfterSalesItem Create(string? name, int quantity)
    {
        var validName = Guard.Text(name, AfterSalesLimits.ItemNameMaxLength, "aftersales.item-name", "An item name");
        if (quantity < 1 || quantity > AfterSalesLimits.MaxQuantity)
        {
            throw new DomainRuleViolation(
                "aftersales.item-quantity-invalid", $"The quantity of an item is between 1 and {AfterSalesLimits.MaxQuantity}.", validName);
        }

        return new AfterSalesItem(validName, quantity);
    }
}

/// <summary>One step of a request's history: what happened, who did it, when, and their words.</summary>
public sealed class AfterSalesStep
{
    private AfterSalesStep()
    {
    }

    internal AfterSalesStep(AfterSalesStepKind kind, Organization.UserId byId, DateTimeOffset at, string? comment, Guid? linkId)
    {
        Kind = kind;
        ById = byId;
        At = at;
        Comment = comment;
        LinkId = linkId;
    }

    public AfterSalesStepKind Kind { get; private set; }

    public Organization.UserId ById { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The work order (pickup scheduled) or the refund (recorded, paid) the step created.</summary>
    public Guid? LinkId { get; private set; }
}
