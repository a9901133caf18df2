using Crm.Domain.AfterSales;
using Crm.Domain.Common;
using Crm.Domain.Tests.Builders;
using static Crm.Domain.Tests.AfterSales.AfterSalesDesk;

namespace Crm.Domain.Tests.AfterSales;

public class AfterSalesRequestSubmitTests
{
    [Fact]
    public void WhenEverythingIsGiven_IsPendingApprovalWithItemsAndTheSubmittedStep()
    {
        var request = Submit(items: [AfterSalesItem.Create(" 川字托盘 ", 12), AfterSalesItem.Create("网格托盘", 3)], note: " 叉孔开裂 ");

        request.Status.ShouldBe(AfterSalesStatus.PendingApproval);
        request.IsDecided.ShouldBeFalse();
        request.OrderReference.ShouldBe("TM-20261118-001");
        request.Amount.ShouldBe(Money.Create(480m));
        request.Items.Select(i => (i.Name, i.Quantity)).ShouldBe([("川字托盘", 12), ("网格托盘", 3)]);
        request.Note.ShouldBe("叉孔开裂");
        var step = request.History.ShouldHaveSingleItem();
        (step.Kind, step.ById, step.At, step.Comment).ShouldBe((AfterSalesStepKind.Submitted, Rep, Now, "叉孔开裂"));
        request.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<AfterSalesRequestSubmitted>().Amount.ShouldBe(480m);
    }

    [Theory]
    [InlineData(AfterSalesType.Exchange)]
    [InlineData(AfterSalesType.Reissue)]
    public void WhenNothingIsRefunded_AZeroAmountIsAllowed(AfterSalesType type) =>
        Submit(type, amount: 0m).Amount.Amount.ShouldBe(0m);

    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund)]
    [InlineData(AfterSalesType.RefundOnly)]
    public void WhenARefundHasNoAmount_RefusesWithRefundAmountRequired(AfterSalesType type) =>
        RuleAssert.Violates(() => Submit(type, amount: 0m), "aftersales.refund-amount-required");

    [Fact]
    public void WhenTheAmountIsNegative_RefusesWithAmountNegative() =>
        RuleAssert.Violates(() => Submit(AfterSalesType.Exchange, amount: -1m), "aftersales.amount-negative");

    [Theory]
    [InlineData(null, "aftersales.order-reference-required")]
    [InlineData("   ", "aftersales.order-reference-required")]
    public void WhenTheOrderReferenceIsMissing_RefusesWithOrderReferenceRequired(string? reference, string code) =>
        RuleAssert.Violates(() => Submit(orderReference: reference), code);

    [Fact]
    public void WhenTheOrderReferenceIsTooLong_RefusesWithOrderReferenceTooLong() =>
        RuleAssert.Violates(() => Submit(orderReference: new string('9', AfterSalesLimits.OrderReferenceMaxLength + 1)), "aftersales.order-reference-too-long");

    [Fact]
    public void WhenNoItemIsNamed_RefusesWithItemsRequired() =>
        RuleAssert.Violates(() => Submit(items: []), "aftersales.items-required");

    [Fact]
    public void WhenThereAreTooManyItems_RefusesWithTooManyItems() =>
        RuleAssert.Violates(
            () => Submit(items: Enumerable.Range(1, AfterSalesLimits.MaxItems + 1).Select(i => AfterSalesItem.Create($"托盘 {i}", 1)).ToList()),
            "aftersales.too-many-items");

    [Fact]
    public void WhenTheReasonIsOtherWithoutANote_RefusesWithNoteRequiredForOther() =>
        RuleAssert.Violates(() => Submit(reason: AfterSalesReason.Other, note: "  "), "aftersales.note-required-for-other");

    [Fact]
    public void WhenTheReasonIsOtherWithANote_IsSubmitted() =>
        Submit(reason: AfterSalesReason.Other, note: "客户改了主意").Reason.ShouldBe(AfterSalesReason.Other);

    [Fact]
    public void WhenTheNoteIsTooLong_RefusesWithNoteTooLong() =>
        RuleAssert.Violates(() => Submit(note: new string('x', AfterSalesLimits.NoteMaxLength + 1)), "aftersales.note-too-long");

    [Theory]
    [InlineData(AfterSalesType.ReturnAndRefund)]
    [InlineData(AfterSalesType.Exchange)]
    public void WhenGoodsComeBackWithoutAPickupAddress_RefusesWithPickupAddressRequired(AfterSalesType type) =>
        RuleAssert.Violates(() => Submit(type, pickupAddress: " "), "aftersales.pickup-address-required");

    [Theory]
    [InlineData(AfterSalesType.RefundOnly)]
    [InlineData(AfterSalesType.Reissue)]
    public void WhenNothingComesBack_NoPickupAddressIsKept(AfterSalesType type) =>
        Submit(type, pickupAddress: "somewhere").PickupAddress.ShouldBeNull();

    [Fact]
    public void WhenTheTypeIsUndefined_RefusesWithTypeInvalid() =>
        RuleAssert.Violates(() => Submit((AfterSalesType)42), "aftersales.type-invalid");

    [Fact]
    public void WhenTheReasonIsUndefined_RefusesWithReasonInvalid() =>
        RuleAssert.Violates(() => Submit(reason: (AfterSalesReason)42), "aftersales.reason-invalid");
}

public class AfterSalesItemCreateTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(AfterSalesLimits.MaxQuantity + 1)]
    public void WhenTheQuantityIsOutOfRange_RefusesWithQuantityInvalid(int quantity) =>
        RuleAssert.Violates(() => AfterSalesItem.Create("托盘", quantity), "aftersales.item-quantity-invalid");

    [Fact]
    public void WhenTheNameIsBlank_RefusesWithItemNameRequired() =>
        RuleAssert.Violates(() => AfterSalesItem.Create(" ", 1), "aftersales.item-name-required");

    [Fact]
    public void WhenTheNameIsTooLong_RefusesWithItemNameTooLong() =>
        RuleAssert.Violates(() => AfterSalesItem.Create(new string('x', AfterSalesLimits.ItemNameMaxLength + 1), 1), "aftersales.item-name-too-long");
}
