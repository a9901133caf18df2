using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadCaptureTests
{
    private static Lead Capture(string name = "王海峰", string? company = null, string? phone = null, string? chatId = null) =>
        Lead.Capture(LeadId.New(), LeadPool.Tenant, LeadPool.Shop, name, company, phone, chatId, SourceChannel.Website, LeadPool.Start);

    [Fact]
    public void WhenCaptured_LandsInThePoolWithoutOwnerAndRaisesCaptured()
    {
        var id = LeadId.New();

        var lead = Lead.Capture(
            id, LeadPool.Tenant, LeadPool.Shop, "  王海峰 ", " 昆山顺达物流 ", " 0512 6688 1234 ", " wang_hf ", SourceChannel.TradeShow, LeadPool.Start);

        lead.Id.ShouldBe(id);
        lead.TenantId.ShouldBe(LeadPool.Tenant);
        lead.ShopId.ShouldBe(LeadPool.Shop);
        lead.Name.ShouldBe("王海峰");
        lead.Company.ShouldBe("昆山顺达物流");
        lead.Phone.ShouldBe("0512 6688 1234");
        lead.ChatId.ShouldBe("wang_hf");
        lead.Source.ShouldBe(SourceChannel.TradeShow);
        lead.Status.ShouldBe(LeadStatus.Unassigned);
        lead.OwnerId.ShouldBeNull();
        lead.AssignedAt.ShouldBeNull();
        lead.CreatedAt.ShouldBe(LeadPool.Start);
        lead.StatusChangedAt.ShouldBe(LeadPool.Start);
        lead.StatusHistory.ShouldBeEmpty();
        var captured = LeadPool.Single<LeadCaptured>(lead);
        captured.ShouldBe(new LeadCaptured(
            id, LeadPool.Tenant, LeadPool.Shop, "王海峰", "昆山顺达物流", SourceChannel.TradeShow, LeadStatus.Unassigned, null, LeadPool.Start)
        {
            EventId = captured.EventId,
        });
    }

    [Fact]
    public void WhenOptionalFieldsAreBlank_StoresNull()
    {
        var lead = Capture(company: " ", phone: "", chatId: "  ");

        lead.Company.ShouldBeNull();
        lead.Phone.ShouldBeNull();
        lead.ChatId.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenNameIsBlank_RefusesWithNameRequired(string name) =>
        RuleAssert.Violates(() => Capture(name), "lead.name-required");

    [Fact]
    public void WhenNameIsAtTheLimit_Accepts() =>
        Capture(new string('名', LeadLimits.NameMaxLength)).Name.Length.ShouldBe(LeadLimits.NameMaxLength);

    [Fact]
    public void WhenNameIsTooLong_RefusesWithNameTooLong()
    {
        var refusal = RuleAssert.Violates(() => Capture(new string('名', LeadLimits.NameMaxLength + 1)), "lead.name-too-long");

        refusal.Arguments.ShouldBe(new object[] { LeadLimits.NameMaxLength });
    }

    [Fact]
    public void WhenCompanyIsTooLong_RefusesWithCompanyTooLong() =>
        RuleAssert.Violates(() => Capture(company: new string('公', LeadLimits.CompanyMaxLength + 1)), "lead.company-too-long");

    [Fact]
    public void WhenPhoneIsTooLong_RefusesWithPhoneTooLong() =>
        RuleAssert.Violates(() => Capture(phone: new string('1', LeadLimits.PhoneMaxLength + 1)), "lead.phone-too-long");

    [Theory]
    [InlineData("138-abc-8000")]
    [InlineData("+")]
    [InlineData("138 0013 8000 ext")]
    public void WhenPhoneHasOtherCharacters_RefusesWithPhoneInvalid(string phone) =>
        RuleAssert.Violates(() => Capture(phone: phone), "lead.phone-invalid");

    [Fact]
    public void WhenChatIdIsTooLong_RefusesWithChatIdTooLong() =>
        RuleAssert.Violates(() => Capture(chatId: new string('w', LeadLimits.ChatIdMaxLength + 1)), "lead.chat-id-too-long");

    [Fact]
    public void WhenSourceIsUndefined_RefusesWithSourceInvalid() =>
        RuleAssert.Violates(
            () => Lead.Capture(LeadId.New(), LeadPool.Tenant, LeadPool.Shop, "王海峰", null, null, null, (SourceChannel)99, LeadPool.Start),
            "lead.source-invalid");
}
