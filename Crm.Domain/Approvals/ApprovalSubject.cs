using Crm.Domain.Common;

namespace Crm.Domain.Approvals;

/// <summary>
/// What a request is about: the kind of record ("Customer", "Lead", "Quote"), its id, and a title
/// to show on the approvals board without loading the record.
/// </summary>
public sealed record ApprovalSubject
{
    private ApprovalSubject(string type, Guid id, string title)
    {
        Type = type;
        Id = id;
        Title = title;
    }

    public string Type { get; }

    public Guid Id { get; }

    public string Title { get; }

    public static ApprovalSubject Create(string? type, Guid id, string? title) => new(
        Guard.Text(type, ApprovalLimits.SubjectTypeMaxLength, "approval.subject-type", "A subject type"),
        id == Guid.Empty ? throw new DomainRuleViolation("approval.subject-id-empty", "The subject of a request needs an id.") : id,
        Guard.Text(title, ApprovalLimits.SubjectTitleMaxLength, "approval.subject-title", "A subject title"));
}
