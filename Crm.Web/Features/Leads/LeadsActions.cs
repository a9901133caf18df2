using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;

namespace Crm.Web.Features.Leads;

/// <summary>Loads the list for <paramref name="Filter"/> (tab, owner, source, text, page).</summary>
public sealed record LoadLeadsAction(LeadFilter Filter);

public sealed record LoadLeadsSucceededAction(LeadFilter Filter, LeadPage Page);

public sealed record LoadLeadOwnersAction;

public sealed record LoadLeadOwnersSucceededAction(ImmutableList<LeadOwner> Owners);

public sealed record CreateLeadAction(NewLead Lead);

public sealed record LeadVersion(Guid Id, long Version);

public sealed record AssignLeadsAction(ImmutableList<LeadVersion> Leads, Guid RepId);

public sealed record ActOnLeadAction(LeadVersion Lead, LeadAct Act);

public sealed record ConvertLeadAction(LeadVersion Lead, LeadConversion Conversion);

/// <summary>A change went through (all or part of a batch); the list reloads and the user reads <paramref name="Message"/>.</summary>
public sealed record LeadsSavedAction(string Message, bool IsPartial = false);

/// <summary>Refused: nothing changed, and the user reads why.</summary>
public sealed record LeadsFailedAction(string Reason);

public sealed record LeadsNoticeShownAction(int Id);

public sealed record CheckLeadImportAction(string FileName, ImmutableArray<byte> Content, Guid? ShopId, SourceChannel Source);

public sealed record CheckLeadImportSucceededAction(ImmutableList<LeadFileRow> Rows, LeadImportPreview Preview);

public sealed record CheckLeadImportFailedAction(string Reason);

public sealed record StartLeadImportAction;

public sealed record LeadImportProgressedAction(int Done, int Total);

public sealed record LeadImportCompletedAction(LeadImportReport Report);

public sealed record LeadImportFailedAction(string Reason);

public sealed record ResetLeadImportAction;
