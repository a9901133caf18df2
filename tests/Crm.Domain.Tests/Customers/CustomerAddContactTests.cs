using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Domain.Tests.Customers;

public class CustomerAddContactTests
{
    [Fact]
    public void WhenValid_AddsTheContactToTheCustomer()
    {
        var customer = new CustomerBuilder().Build();
        var id = ContactId.New();

        var contact = customer.AddContact(id, " 王建国 ", "139 1234 5678", " 采购经理 ");

        contact.Id.ShouldBe(id);
        contact.TenantId.ShouldBe(customer.TenantId);
        contact.CustomerId.ShouldBe(customer.Id);
        contact.Name.ShouldBe("王建国");
        contact.Phone.ShouldBe("139 1234 5678");
        contact.Title.ShouldBe("采购经理");
        customer.Contacts.ShouldHaveSingleItem().ShouldBeSameAs(contact);
        customer.HasContact(id).ShouldBeTrue();
        customer.HasContact(ContactId.New()).ShouldBeFalse();
    }

    [Fact]
    public void WhenPhoneAndTitleBlank_KeepsThemEmpty()
    {
        var contact = new CustomerBuilder().Build().AddContact(ContactId.New(), "Li Na", " ", null);

        contact.Phone.ShouldBeNull();
        contact.Title.ShouldBeNull();
    }

    [Fact]
    public void WhenTheSameIdIsAddedTwice_RefusesWithContactDuplicate()
    {
        var customer = new CustomerBuilder().Build();
        var id = ContactId.New();
        customer.AddContact(id, "王建国", null, null);

        Should.Throw<DomainRuleViolation>(() => customer.AddContact(id, "王建国", null, null)).Code.ShouldBe("customer.contact-duplicate");
        customer.Contacts.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenNameBlank_RefusesWithContactNameRequired() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().AddContact(ContactId.New(), " ", null, null))
            .Code.ShouldBe("contact.name-required");

    [Fact]
    public void WhenNameTooLong_RefusesWithContactNameTooLong() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().AddContact(
                ContactId.New(), new string('王', CustomerLimits.ContactNameMaxLength + 1), null, null))
            .Code.ShouldBe("contact.name-too-long");

    [Fact]
    public void WhenPhoneInvalid_RefusesWithContactPhoneInvalid() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().AddContact(ContactId.New(), "王建国", "wechat: wjg", null))
            .Code.ShouldBe("contact.phone-invalid");

    [Fact]
    public void WhenTitleTooLong_RefusesWithContactTitleTooLong() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().AddContact(
                ContactId.New(), "王建国", null, new string('经', CustomerLimits.ContactTitleMaxLength + 1)))
            .Code.ShouldBe("contact.title-too-long");
}
