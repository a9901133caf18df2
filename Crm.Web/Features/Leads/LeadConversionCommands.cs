using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Leads;

/// <summary>Conversion: the customer, its contact and (optionally) an opportunity are written with the lead's new status in one SaveChanges.</summary>
public sealed partial class LeadCommands
{
    /// <returns>The new customer's name.</returns>
    public async Task<string> ConvertAsync(Guid id, long expectedVersion, LeadConversion input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await FindAsync(db, scope, id, expectedVersion, cancellationToken);
        EnsureWorks(scope, lead);
        if (!lead.Status.IsWorked())
        {
            // The lead's own refusal, before anything else is built.
            lead.Convert(CustomerId.New(), ContactId.New(), null, scope.UserId, clock.GetUtcNow());
        }

        var now = clock.GetUtcNow();
        var owner = lead.OwnerId ?? scope.UserId;
        var customer = Customer.Register(CustomerId.New(), lead.TenantId, lead.ShopId, input.CustomerName ?? string.Empty, lead.Phone, owner, now);
        customer.UpdateProfile(CustomerProfile.Default with { Kind = input.IsCompany ? CustomerKind.Company : CustomerKind.Person, Source = lead.Source });
        customer.ChangeChatId(lead.ChatId);
        var contact = customer.AddContact(ContactId.New(), input.ContactName ?? string.Empty, lead.Phone, input.ContactTitle);
        if (await LeadImport.CustomerRefusalAsync(db, lead.Phone, lead.ChatId, cancellationToken) is { } duplicate)
        {
            throw duplicate;
        }

        db.Add(customer);

        OpportunityId? opportunityId = null;
        if (input.CreateOpportunity)
        {
            var opportunity = Opportunity.Open(
                OpportunityId.New(), lead.TenantId, lead.ShopId, customer.Id, contact.Id, owner,
                input.OpportunityTitle ?? string.Empty,
                Money.Create(input.Amount ?? 0m),
                input.ExpectedClose ?? throw new DomainRuleViolation("opportunity.expected-close-required", "An expected close date is required."),
                lead.Source,
                ScoringInputs.Unknown,
                (await TenantSettings.PipelineAsync(db, cancellationToken)).ScoringRules,
                now);
            db.Add(opportunity);
            opportunityId = opportunity.Id;
        }

        lead.Convert(customer.Id, contact.Id, opportunityId, scope.UserId, now);
        try
        {
            await SaveAsync(db, cancellationToken);
        }
        catch (DbUpdateException) when (lead.Phone is not null || lead.ChatId is not null)
        {
            // A customer with this phone or WeChat id was registered after the check: the unique index refused it.
            throw await DuplicateSinceAsync(lead, cancellationToken) ?? throw new InvalidOperationException("The conversion could not be saved.");
        }

        return customer.Name;
    }

    private async Task<DomainRuleViolation?> DuplicateSinceAsync(Lead lead, CancellationToken cancellationToken)
    {
        await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
        return await LeadImport.CustomerRefusalAsync(fresh, lead.Phone, lead.ChatId, cancellationToken);
    }
}
