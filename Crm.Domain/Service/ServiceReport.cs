using Crm.Domain.Common;

namespace Crm.Domain.Service;

/// <summary>What the technician did on site and which parts went in. Work done is required; parts are optional.</summary>
public sealed record ServiceReport
{
    private ServiceReport(string workDone, string? partsUsed)
    {
        WorkDone = workDone;
        PartsUsed = partsUsed;
    }

    public string WorkDone { get; }

    public string? PartsUsed { get; }

    public static ServiceReport Create(string? workDone, string? partsUsed)
    {
        var validWorkDone = Guard.Text(workDone, WorkOrderLimits.WorkDoneMaxLength, "workorder.work-done", "A description of the work done");
        var validParts = string.IsNullOrWhiteSpace(partsUsed)
            ? null
            : Guard.Text(partsUsed, WorkOrderLimits.PartsUsedMaxLength, "workorder.parts-used", "The parts used");
        return new ServiceReport(validWorkDone, validParts);
    }
}

/// <summary>The customer's rating at the follow-up visit: 1 (very unhappy) to 5 (very happy), with an optional comment.</summary>
public sealed record Satisfaction
{
    private Satisfaction(int score, string? comment)
    {
        Score = score;
        Comment = comment;
    }

    public int Score { get; }

    public string? Comment { get; }

    public static Satisfaction Create(int score, string? comment)
    {
        if (score is < WorkOrderLimits.MinSatisfaction or > WorkOrderLimits.MaxSatisfaction)
        {
            throw new DomainRuleViolation(
                "workorder.satisfaction-out-of-range",
                $"Satisfaction is rated from {WorkOrderLimits.MinSatisfaction} to {WorkOrderLimits.MaxSatisfaction}.",
                score);
        }

        var validComment = string.IsNullOrWhiteSpace(comment)
            ? null
            : Guard.Text(comment, WorkOrderLimits.SatisfactionCommentMaxLength, "workorder.satisfaction-comment", "A satisfaction comment");
        return new Satisfaction(score, validComment);
    }
}
