namespace Crm.Domain.Opportunities;

/// <summary>The columns of the pipeline, in process order. Won and Lost are closed.</summary>
public enum OpportunityStage
{
    Lead,
    FirstContact,
    NeedsAnalysis,
    Proposal,
    Negotiation,
    Won,
    Lost,
}

public static class OpportunityStages
{
    public static IReadOnlyList<OpportunityStage> All { get; } = Enum.GetValues<OpportunityStage>();

    public static IReadOnlyList<OpportunityStage> Open { get; } = [.. All.Where(s => s.IsOpen())];

    public static bool IsClosed(this OpportunityStage stage) => stage is OpportunityStage.Won or OpportunityStage.Lost;

    public static bool IsOpen(this OpportunityStage stage) => !stage.IsClosed();

    /// <summary>English words for messages ("Needs analysis"); the UI localizes stages itself.</summary>
    internal static string Describe(this OpportunityStage stage) => stage switch
    {
        OpportunityStage.FirstContact => "First contact",
        OpportunityStage.NeedsAnalysis => "Needs analysis",
        _ => stage.ToString(),
    };
}

/// <summary>Where the opportunity came from.</summary>
public enum SourceChannel
{
    Website,
    TradeShow,
    Phone,
    OnlineShopInquiry,
    Referral,
}

public enum FollowUpChannel
{
    Call,
    Visit,
    WeChat,
    Email,
    Meeting,
}

/// <summary>A is hottest. Derived from the score by <see cref="ScoringRules.PriorityOf"/>.</summary>
public enum Priority
{
    A,
    B,
    C,
}
