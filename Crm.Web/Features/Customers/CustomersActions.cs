namespace Crm.Web.Features.Customers;

public sealed record LoadCustomerChoicesAction;

public sealed record LoadCustomerChoicesSucceededAction(CustomerOptions Options);

public sealed record SetCustomerFilterAction(CustomerFilter Filter);

/// <summary>Creates a customer when <paramref name="Id"/> is null, otherwise edits it if it is still at <paramref name="ExpectedVersion"/>.</summary>
public sealed record SaveCustomerAction(Guid? Id, long ExpectedVersion, CustomerInput Input);

public sealed record RecordCustomerFollowUpAction(FollowUpInput Input);

/// <summary>Adds a contact when <paramref name="ContactId"/> is null, otherwise edits it.</summary>
public sealed record SaveContactAction(Guid CustomerId, Guid? ContactId, ContactInput Input);

public sealed record HandOverCustomersAction(HandOverRequest Request);

public sealed record CustomerSavedAction(Guid? CustomerId);

public sealed record CustomersHandedOverAction(HandOverResult Result);

public sealed record CustomerSaveFailedAction(string Reason);

public sealed record ClearCustomerErrorAction;

public sealed record OpenCustomerProfileAction(Guid Id);

public sealed record CustomerProfileLoadedAction(Guid Id, CustomerProfileView? Profile);
