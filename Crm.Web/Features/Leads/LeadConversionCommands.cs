using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
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
        var contact = customer.AddContact(ContactId.New(), input.ContactName ?? string.Empty, lead.Phone, input.ContactTitle);
        await EnsureNotACustomerAsync(db, lead, cancellationToken);
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
        await SaveAsync(db, cancellationToken);
        return customer.Name;
    }

    /// <summary>No two reps on one customer: a lead whose phone a customer (or a customer's contact) has is refused, naming it.</summary>
    private static async Task EnsureNotACustomerAsync(CrmDbContext db, Lead lead, CancellationToken cancellationToken)
    {
        if (Infrastructure.Leads.LeadImport.Digits(lead.Phone) is null)
        {
            return;
        }

        var preview = await Infrastructure.Leads.LeadImport.PreviewAsync(
            db,
            [new Infrastructure.Leads.LeadFileRow(1, lead.Name, null, lead.Phone, null, null)],
            new Infrastructure.Leads.LeadImportTarget(lead.TenantId, lead.ShopId, lead.OwnerId ?? default, null, lead.Source),
            cancellationToken);
        if (preview.Rows[0].Issues.FirstOrDefault(i => i.Code == "lead-import.already-customer") is { } issue)
        {
            throw issue.ToViolation();
        }
    }
}
