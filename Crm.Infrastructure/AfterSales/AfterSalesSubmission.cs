using System.Globalization;
using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Infrastructure.AfterSales;

/// <summary>What a requester fills in; the domain checks every field.</summary>
public sealed record AfterSalesInput(
    AfterSalesType Type,
    Guid CustomerId,
    string? OrderReference,
    IReadOnlyList<(string? Name, int Quantity)> Items,
    decimal Amount,
    AfterSalesReason Reason,
    string? Note,
    string? PickupAddress);

/// <summary>
/// A submitted after-sales request and the approval request (kind Return) that decides it, built together so that
/// one save writes both and the request appears on the approvals board at once. The approval's title and reason are
/// stored text read by people of either language, so they carry both (like a pool claim's automatic comment).
/// </summary>
public static class AfterSalesSubmission
{
    public const string SubjectType = "AfterSalesRequest";

    private static readonly Dictionary<AfterSalesType, string> TypeNames = new()
    {
        [AfterSalesType.ReturnAndRefund] = "退货退款 Return and refund",
        [AfterSalesType.RefundOnly] = "仅退款 Refund only",
        [AfterSalesType.Exchange] = "换货 Exchange",
        [AfterSalesType.Reissue] = "补发 Reissue",
    };

    private static readonly Dictionary<AfterSalesReason, string> ReasonNames = new()
    {
        [AfterSalesReason.Damaged] = "破损 Damaged",
        [AfterSalesReason.WrongItem] = "错发 Wrong item",
        [AfterSalesReason.Surplus] = "多发 Surplus",
        [AfterSalesReason.Quality] = "质量问题 Quality",
        [AfterSalesReason.Other] = "其他 Other",
    };

    public static (AfterSalesRequest Request, ApprovalRequest Approval) Submit(
        AfterSalesRequestId id, TenantId tenant, ShopId shop, string customerName, AfterSalesInput input, UserId requester, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var items = input.Items.Select(i => AfterSalesItem.Create(i.Name, i.Quantity)).ToList();
        var approvalId = ApprovalRequestId.New();
        var request = AfterSalesRequest.Submit(
            id, tenant, shop, input.Type, new CustomerId(input.CustomerId), input.OrderReference, items, Money.Create(input.Amount), input.Reason,
            input.Note, input.PickupAddress, approvalId, requester, now);
        var approval = ApprovalRequest.Submit(
            approvalId, tenant, shop, ApprovalKind.Return, ApprovalSubject.Create(SubjectType, id.Value, Title(request, customerName)), requester,
            ReasonText(request), now);
        return (request, approval);
    }

    /// <summary>"退货退款 Return and refund · Huayu Logistics · ¥480.00", within the subject title's limit.</summary>
    public static string Title(AfterSalesRequest request, string customerName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var amount = string.Create(CultureInfo.InvariantCulture, $"{request.Amount.Amount:#,0.00} {request.Amount.Currency}");
        var name = Clip(customerName, ApprovalLimits.SubjectTitleMaxLength - TypeNames[request.Type].Length - amount.Length - 6);
        return $"{TypeNames[request.Type]} · {name} · {amount}";
    }

    /// <summary>"破损 Damaged · TM-001 · 川字托盘 × 12 · note".</summary>
    public static string ReasonText(AfterSalesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new List<string> { ReasonNames[request.Reason], request.OrderReference, request.ItemsText };
        if (request.Note is { } note)
        {
            parts.Add(note);
        }

        return Clip(string.Join(" · ", parts), ApprovalLimits.ReasonMaxLength);
    }

    /// <summary>The pickup work order's description: what to bring back from which order.</summary>
    public static string PickupDescription(AfterSalesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Clip($"{TypeNames[request.Type]} · {request.OrderReference} · {request.ItemsText}", Domain.Service.WorkOrderLimits.DescriptionMaxLength);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(0, max - 1)), "…");
}
