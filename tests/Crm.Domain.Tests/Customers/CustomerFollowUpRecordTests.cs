using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Customers;

public sealed class CustomerFollowUpRecordTests
{
    private static readonly UserId Author = CustomerBuilder.Rep;
    private static readonly DateTimeOffset Later = CustomerBuilder.Now.AddDays(3);

    [Fact]
    public void WhenAContactOfTheCustomerIsFollowedUp_ItIsRecordedForThatContactAndTheClockRestarts()
    {
        var customer = new CustomerBuilder().Build();
        var contact = customer.AddContact(ContactId.New(), "王建国", null, "采购经理");
        var at = Later.AddHours(-2);

        var followUp = CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, contact.Id, Author, at, "  Called about the spring order. ", Later);

        (followUp.CustomerId, followUp.ContactId, followUp.AuthorId, followUp.At, followUp.RecordedAt, followUp.TenantId)
            .ShouldBe((customer.Id, (ContactId?)contact.Id, Author, at, Later, customer.TenantId));
        followUp.Note.ShouldBe("Called about the spring order.");
        customer.LastFollowUpAt.ShouldBe(at);
    }

    [Fact]
    public void WhenNoContactIsGiven_TheFollowUpIsOfTheCompany()
    {
        var customer = new CustomerBuilder().Build();

        var followUp = CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, null, Author, Later, "Visited the warehouse.", Later);

        followUp.ContactId.ShouldBeNull();
        customer.LastFollowUpAt.ShouldBe(Later);
    }

    [Fact]
    public void WhenTheContactBelongsToAnotherCustomer_ItIsRefusedAndTheClockDoesNotMove()
    {
        var customer = new CustomerBuilder().Build();
        var other = new CustomerBuilder().WithName("苏州华通物流有限公司").WithPhone(null).Build();
        var stranger = other.AddContact(ContactId.New(), "李丽娟", null, null);
        var before = customer.LastFollowUpAt;

        RuleAssert.Violates(
            () => CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, stranger.Id, Author, Later, "Called.", Later),
            "customer.contact-unknown");
        customer.LastFollowUpAt.ShouldBe(before);
    }

    [Fact]
    public void WhenTheFollowUpIsInTheFuture_ItIsRefused()
    {
        var customer = new CustomerBuilder().Build();

        RuleAssert.Violates(
            () => CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, null, Author, Later.AddMinutes(1), "Will call.", Later),
            "followup.in-future");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenTheNoteIsBlank_ItIsRefused(string note)
    {
        var customer = new CustomerBuilder().Build();

        RuleAssert.Violates(
            () => CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, null, Author, Later, note, Later),
            "customer-follow-up.note-required");
    }

    [Fact]
    public void WhenTheNoteIsTooLong_ItIsRefused()
    {
        var customer = new CustomerBuilder().Build();

        RuleAssert.Violates(
            () => CustomerFollowUp.Record(
                CustomerFollowUpId.New(), customer, null, Author, Later, new string('x', CustomerLimits.FollowUpNoteMaxLength + 1), Later),
            "customer-follow-up.note-too-long");
    }

    [Fact]
    public void WhenAnOlderFollowUpIsRecordedAfterANewerOne_TheClockKeepsTheNewer()
    {
        var customer = new CustomerBuilder().Build();
        CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, null, Author, Later, "Called.", Later);

        CustomerFollowUp.Record(CustomerFollowUpId.New(), customer, null, Author, Later.AddDays(-1), "Forgot to note yesterday's visit.", Later);

        customer.LastFollowUpAt.ShouldBe(Later);
    }
}
