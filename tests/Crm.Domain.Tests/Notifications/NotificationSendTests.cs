using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Notifications;

public sealed class NotificationSendTests
{
    private static readonly TenantId Tenant = TenantId.New();
    private static readonly UserId Recipient = UserId.New();

    [Fact]
    public void WhenValid_CreatesAnUnreadNotificationForTheRecipient()
    {
        var notification = Notification.Send(Tenant, Recipient, " Notification.Welcome ", ["Li Wei", "Tmall"], "/pool", Moments.Now);

        notification.Id.Value.ShouldNotBe(Guid.Empty);
        notification.TenantId.ShouldBe(Tenant);
        notification.RecipientId.ShouldBe(Recipient);
        notification.MessageKey.ShouldBe("Notification.Welcome");
        notification.ArgumentList().ShouldBe(["Li Wei", "Tmall"]);
        notification.Link.ShouldBe("/pool");
        notification.CreatedAt.ShouldBe(Moments.Now);
        notification.IsRead.ShouldBeFalse();
        notification.ReadAt.ShouldBeNull();
    }

    [Fact]
    public void WhenSent_RaisesNotificationSent()
    {
        var notification = Notification.Send(Tenant, Recipient, "Notification.Welcome", [], null, Moments.Now);

        var sent = notification.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<NotificationSent>();
        sent.NotificationId.ShouldBe(notification.Id);
        sent.TenantId.ShouldBe(Tenant);
        sent.RecipientId.ShouldBe(Recipient);
        sent.OccurredAt.ShouldBe(Moments.Now);
    }

    [Fact]
    public void WhenThereAreNoArguments_ArgumentListIsEmpty()
    {
        var notification = Notification.Send(Tenant, Recipient, "Notification.Welcome", [], null, Moments.Now);

        notification.Arguments.ShouldBeEmpty();
        notification.ArgumentList().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void WhenMessageKeyIsMissing_ViolatesKeyRequired(string key)
    {
        RuleAssert.Violates(() => Notification.Send(Tenant, Recipient, key, [], null, Moments.Now), "notification.key-required");
    }

    [Fact]
    public void WhenMessageKeyIsTooLong_ViolatesKeyTooLong()
    {
        var key = new string('k', Notification.MessageKeyMaxLength + 1);

        RuleAssert.Violates(() => Notification.Send(Tenant, Recipient, key, [], null, Moments.Now), "notification.key-too-long");
    }

    [Fact]
    public void WhenArgumentsTogetherAreTooLong_ViolatesArgumentsTooLong()
    {
        var half = new string('a', Notification.ArgumentsMaxLength / 2);

        RuleAssert.Violates(
            () => Notification.Send(Tenant, Recipient, "Notification.Welcome", [half, half], null, Moments.Now), "notification.arguments-too-long");
    }

    [Fact]
    public void WhenArgumentsFillExactlyTheLimit_AreAccepted()
    {
        var argument = new string('a', Notification.ArgumentsMaxLength);

        var notification = Notification.Send(Tenant, Recipient, "Notification.Welcome", [argument], null, Moments.Now);

        notification.ArgumentList().ShouldBe([argument]);
    }

    [Fact]
    public void WhenLinkIsTooLong_ViolatesLinkTooLong()
    {
        var link = "/" + new string('l', Notification.LinkMaxLength);

        RuleAssert.Violates(
            () => Notification.Send(Tenant, Recipient, "Notification.Welcome", [], link, Moments.Now), "notification.link-too-long");
    }
}
