using System.Collections.Immutable;

namespace Crm.Web.Features.Opportunities;

public sealed record OpenOpportunityAction(Guid Id);

public sealed record CloseOpportunityAction;

public sealed record LoadOpportunityDetailSucceededAction(OpportunityDetail? Detail);

public sealed record SaveOpportunityAction(Guid Id, long ExpectedVersion, OpportunityEdit Edit);

public sealed record AddFollowUpAction(Guid Id, NewFollowUp FollowUp);

public sealed record CreateOpportunityAction(NewOpportunity Input);

public sealed record LoadCustomerOptionsAction;

public sealed record LoadCustomerOptionsSucceededAction(ImmutableList<CustomerOption> Customers);

public sealed record OpportunityDetailSavedAction(bool Created);

public sealed record OpportunityDetailFailedAction(string Reason);
