using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// Two hundred pallet deals across all stages, built through the domain (so every rule holds):
/// eight named ones (<see cref="DemoIds"/>) that tests can rely on, then generated ones from a fixed
/// seed. rep1 sells in the Tmall shop, rep2 in the JD shop, the manager in the 1688 shop; a rep's
/// deals are with that rep's customers. Times are relative to the clock at seeding: open deals
/// are either fresh (a follow-up in the last six days) or stale (none for 8–30 days).
/// The other company gets two deals of its own.
/// </summary>
internal sealed class OpportunityDemoSeeder : IDemoSeeder
{
    private const int Seed = 20261120;
    private const int NamedCount = 8;

    public int Order => 20;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var now = DemoClock.Now(context.Clock);
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.Opportunities.AnyAsync(o => o.Id == DemoIds.Opportunity(1), cancellationToken))
            {
                var contacts = await ContactsByCustomer(db, cancellationToken);
                var deals = new DealWriter(now, DemoIds.DemoTenant, contacts);
                db.Opportunities.AddRange(Named(deals, now));
                for (var number = NamedCount + 1; number <= DemoIds.OpportunityCount; number++)
                {
                    db.Opportunities.Add(deals.Generate(number));
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.Opportunities.AnyAsync(o => o.Id == DemoIds.OtherTenantOpportunity, cancellationToken))
        {
            var deals = new DealWriter(now, DemoIds.OtherTenant, await ContactsByCustomer(other, cancellationToken));
            var customer = new DemoCustomer(1001, "Other Trading Client A", DemoIds.OtherShop, DemoIds.OtherAdmin, Domain.Customers.CustomerProfile.Default, DemoIds.OtherAdmin);
            var first = deals.Open(1001, customer, "Shelving for the main store", 18_000m, now.AddDays(-9));
            deals.FollowUp(first, now.AddDays(-8), FollowUpChannel.Call, "Asked for a quote.");
            deals.Move(first, OpportunityStage.NeedsAnalysis, now.AddDays(-8));
            var second = deals.Open(1002, customer, "Spare parts framework", 7_500m, now.AddDays(-2));
            other.Opportunities.AddRange(Done(first), Done(second));
            await other.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task<Dictionary<CustomerId, ContactId>> ContactsByCustomer(DbContext db, CancellationToken cancellationToken)
    {
        var contacts = await db.Set<Contact>().Select(c => new { c.CustomerId, c.Id }).ToListAsync(cancellationToken);
        return contacts
            .GroupBy(c => c.CustomerId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).OrderBy(id => id.Value).First());
    }

    private static IEnumerable<Opportunity> Named(DealWriter deals, DateTimeOffset now)
    {
        var tmall = CustomerDemoSeeder.Catalog.Where(c => c.Shop == DemoIds.TmallShop && c.Owner is not null).ToArray();
        var jd = CustomerDemoSeeder.Catalog.Where(c => c.Shop == DemoIds.JdShop && c.Owner is not null).ToArray();
        var wholesale = CustomerDemoSeeder.Catalog.Where(c => c.Shop == DemoIds.AlibabaShop && c.Owner is not null).ToArray();

        var freshLead = deals.Open(1, tmall[0], "800 块川字托盘 — 新仓启用", 68_000m, now.AddDays(-1));
        deals.FollowUp(freshLead, now.AddHours(-2), FollowUpChannel.Call, "电话沟通托盘规格，客户关注承重和防滑。", Day(now.AddDays(3)));
        yield return Done(freshLead);

        var needsAnalysis = deals.Open(2, tmall[1], "1500 块九脚托盘 — 电商大促备货", 67_500m, now.AddDays(-10));
        deals.FollowUp(needsAnalysis, now.AddDays(-8), FollowUpChannel.WeChat, "微信发送了产品图册和报价单。");
        deals.Move(needsAnalysis, OpportunityStage.FirstContact, now.AddDays(-8));
        deals.FollowUp(needsAnalysis, now.AddDays(-3), FollowUpChannel.Visit, "上门拜访仓库，测量了货架和叉车尺寸。");
        deals.Move(needsAnalysis, OpportunityStage.NeedsAnalysis, now.AddDays(-3));
        deals.FollowUp(needsAnalysis, now.AddDays(-1), FollowUpChannel.Call, "电话确认样品已收到，客户在做承重测试。", Day(now.AddDays(4)));
        yield return Done(needsAnalysis);

        var withoutAmount = deals.Open(3, tmall[2], "冷库专用托盘 — 冷链扩建（待报价）", 0m, now.AddDays(-20));
        deals.Move(withoutAmount, OpportunityStage.FirstContact, now.AddDays(-18));
        deals.Move(withoutAmount, OpportunityStage.NeedsAnalysis, now.AddDays(-12));
        deals.Move(withoutAmount, OpportunityStage.Proposal, now.AddDays(-6), "冷库专用托盘，约 2000 块，需耐 -25℃ 低温，四面进叉。");
        deals.FollowUp(withoutAmount, now.AddDays(-2), FollowUpChannel.Email, "邮件发送了技术方案，价格待工厂核算。", Day(now.AddDays(2)));
        yield return Done(withoutAmount);

        var stale = deals.Open(4, tmall[3], "600 块网格托盘 — 立体库改造", 66_000m, now.AddDays(-25));
        deals.Move(stale, OpportunityStage.FirstContact, now.AddDays(-20));
        deals.FollowUp(stale, now.AddDays(-12), FollowUpChannel.Call, "电话跟进，客户说下周再联系。");
        yield return Done(stale);

        var negotiation = deals.Open(5, jd[0], "2000 块双面托盘 — 年度框架采购", 268_000m, now.AddDays(-40));
        deals.Move(negotiation, OpportunityStage.FirstContact, now.AddDays(-38));
        deals.Move(negotiation, OpportunityStage.NeedsAnalysis, now.AddDays(-30));
        deals.Move(negotiation, OpportunityStage.Proposal, now.AddDays(-20), "双面托盘 2000 块，年度框架，分四批交货，需提供检测报告。");
        deals.FollowUp(negotiation, now.AddDays(-10), FollowUpChannel.Meeting, "和采购、财务开会讨论年度框架价格。");
        deals.Move(negotiation, OpportunityStage.Negotiation, now.AddDays(-10));
        deals.FollowUp(negotiation, now.AddDays(-1), FollowUpChannel.Call, "客户要求再降 3%，已报经理审批。", Day(now.AddDays(1)));
        yield return Done(negotiation);

        var won = deals.Open(6, jd[1], "1400 块田字托盘 — 分拨中心扩容", 156_800m, now.AddDays(-50));
        deals.Move(won, OpportunityStage.NeedsAnalysis, now.AddDays(-45), "田字托盘 1400 块，分拨中心扩容，需印刷客户 logo。");
        deals.Move(won, OpportunityStage.Proposal, now.AddDays(-30));
        deals.Move(won, OpportunityStage.Negotiation, now.AddDays(-15));
        deals.FollowUp(won, now.AddDays(-5), FollowUpChannel.Email, "邮件发送了正式报价和合同草稿。");
        deals.Move(won, OpportunityStage.Won, now.AddDays(-5));
        deals.FollowUp(won, now.AddDays(-2), FollowUpChannel.Call, "回访：首批托盘已到货，客户反馈良好。");
        yield return Done(won);

        var lost = deals.Open(7, jd[2], "3000 块平板托盘 — 旧木托盘替换", 225_000m, now.AddDays(-35));
        deals.Move(lost, OpportunityStage.FirstContact, now.AddDays(-30));
        deals.FollowUp(lost, now.AddDays(-6), FollowUpChannel.Call, "客户告知已选定其他供应商。");
        deals.Move(lost, OpportunityStage.Lost, now.AddDays(-6), lostReason: "价格高于竞争对手（木托盘报价低 30%）");
        yield return Done(lost);

        var wholesaleProposal = deals.Open(8, wholesale[0], "5000 块塑料周转箱 — 循环共用项目", 420_000m, now.AddDays(-15));
        deals.Move(wholesaleProposal, OpportunityStage.NeedsAnalysis, now.AddDays(-12), "周转箱 5000 个，循环共用，需 RFID 标签位。");
        deals.Move(wholesaleProposal, OpportunityStage.Proposal, now.AddDays(-4));
        deals.FollowUp(wholesaleProposal, now.AddDays(-4), FollowUpChannel.Meeting, "参加客户供应商评审会议，介绍了产品方案。", Day(now.AddDays(5)));
        yield return Done(wholesaleProposal);
    }

    private static Opportunity Done(Opportunity opportunity)
    {
        opportunity.ClearDomainEvents();
        return opportunity;
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>Writes deals through the domain, numbering follow-ups and drawing from one seeded random.</summary>
    private sealed class DealWriter(DateTimeOffset now, TenantId tenant, IReadOnlyDictionary<CustomerId, ContactId> contacts)
    {
        private static readonly (string Name, decimal UnitPrice)[] Products =
        [
            ("川字托盘", 85m), ("九脚托盘", 45m), ("田字托盘", 95m), ("网格托盘", 110m), ("平板托盘", 75m), ("双面托盘", 160m),
            ("冷库专用托盘", 135m), ("防静电托盘", 150m), ("卡板箱", 380m), ("围板箱", 320m), ("塑料周转箱", 38m),
        ];

        private static readonly string[] Purposes =
        [
            "新仓启用", "旧木托盘替换", "冷链扩建", "出口包装", "立体库改造", "年度框架采购", "电商大促备货", "自动化产线配套", "循环共用项目", "分拨中心扩容",
        ];

        private static readonly string[] Needs =
        [
            "动载 1.5 吨，需上货架", "需耐 -25℃ 低温", "要求食品级 HDPE 原料", "需四面进叉，适配 AGV", "需印刷客户 logo",
            "要求 30 天内分批交货", "需提供检测报告和质保", "希望旧托盘回收抵价",
        ];

        private static readonly Dictionary<FollowUpChannel, string[]> Notes = new()
        {
            [FollowUpChannel.Call] =
            [
                "电话沟通托盘规格，客户关注承重和防滑。", "电话确认样品已收到，客户在做承重测试。", "电话跟进报价反馈，客户觉得单价偏高。", "和采购电话确认交期和分批送货安排。",
            ],
            [FollowUpChannel.Visit] = ["上门拜访仓库，测量了货架和叉车尺寸。", "到现场演示托盘上架，仓库主管认可。", "拜访客户总部，见到了物流总监。"],
            [FollowUpChannel.WeChat] = ["微信发送了产品图册和报价单。", "微信发了样品照片和检测报告。", "客户微信询问旧托盘回收政策，已答复。"],
            [FollowUpChannel.Email] = ["邮件发送了正式报价和合同草稿。", "邮件发送了质保条款和检测报告。"],
            [FollowUpChannel.Meeting] = ["参加客户供应商评审会议，介绍了产品方案。", "和采购、财务开会讨论年度框架价格。"],
        };

        private static readonly string[] AfterSalesNotes = ["回访：首批托盘已到货，客户反馈良好。", "售后回访：确认使用情况，客户计划追加订单。"];

        private static readonly string[] LostReasons =
        [
            "价格高于竞争对手", "客户选择了木托盘", "项目预算取消", "交期无法满足", "客户内部采购流程暂停", "选择了本地供应商",
        ];

        /// <summary>Funnel-shaped: Lead 20 %, First contact 18, Needs analysis 15, Proposal 13, Negotiation 10, Won 14, Lost 10.</summary>
        private static readonly (OpportunityStage Stage, int Weight)[] StageWeights =
        [
            (OpportunityStage.Lead, 20), (OpportunityStage.FirstContact, 18), (OpportunityStage.NeedsAnalysis, 15), (OpportunityStage.Proposal, 13),
            (OpportunityStage.Negotiation, 10), (OpportunityStage.Won, 14), (OpportunityStage.Lost, 10),
        ];

        private static readonly (SourceChannel Source, int Weight)[] SourceWeights =
        [
            (SourceChannel.OnlineShopInquiry, 45), (SourceChannel.Website, 15), (SourceChannel.Phone, 15), (SourceChannel.Referral, 15), (SourceChannel.TradeShow, 10),
        ];

        private readonly Random _random = new(Seed);
        private int _followUps = tenant == DemoIds.DemoTenant ? 0 : 100_000;

        public Opportunity Open(int number, DemoCustomer customer, string title, decimal amount, DateTimeOffset createdAt, ScoringInputs? inputs = null)
        {
            var customerId = DemoIds.Customer(customer.Number);
            return Opportunity.Open(
                DemoIds.Opportunity(number), tenant, customer.Shop, customerId, contacts.TryGetValue(customerId, out var contact) ? contact : null,
                customer.Owner ?? DemoIds.Manager, title, Money.Create(amount), Day(createdAt.AddDays(45)), SourceChannel.OnlineShopInquiry,
                inputs ?? ScoringInputs.Unknown, ScoringRules.Default, createdAt);
        }

        public void FollowUp(Opportunity opportunity, DateTimeOffset at, FollowUpChannel channel, string note, DateOnly? next = null) =>
            opportunity.RecordFollowUp(DemoIds.FollowUp(++_followUps), at, channel, note, next, opportunity.OwnerId, at);

        /// <summary>Moves as the owner, completing what the blueprint asks for.</summary>
        public void Move(Opportunity opportunity, OpportunityStage target, DateTimeOffset at, string? needsSummary = null, string? lostReason = null)
        {
            var missing = StageBlueprint.Default.MissingFor(opportunity, target);
            if (missing.Contains(StageRequirement.NeedsSummary))
            {
                needsSummary ??= "客户需求待补充：规格、数量和交期已初步沟通。";
            }

            if (missing.Contains(StageRequirement.LostReason))
            {
                lostReason ??= LostReasons[_random.Next(LostReasons.Length)];
            }

            opportunity.MoveTo(
                target, StageBlueprint.Default, opportunity.OwnerId, opportunity.OwnerId == DemoIds.Manager, at,
                new StageCompletion(needsSummary, null, lostReason));
        }

        public Opportunity Generate(int number)
        {
            var slot = (number - NamedCount - 1) % 20;
            var shop = slot < 9 ? DemoIds.TmallShop : slot < 18 ? DemoIds.JdShop : DemoIds.AlibabaShop;
            var customers = CustomerDemoSeeder.Catalog.Where(c => c.Shop == shop && c.Owner is not null).ToArray();
            var customer = customers[_random.Next(customers.Length)];

            var (product, unitPrice) = Products[_random.Next(Products.Length)];
            var purpose = Purposes[_random.Next(Purposes.Length)];
            var amount = Amount();
            var quantity = Math.Max(10, (int)Math.Round(amount / unitPrice / 10m) * 10);
            var summary = $"{product} {quantity} 块，用于{purpose}；{Needs[_random.Next(Needs.Length)]}。";
            var target = Pick(StageWeights);
            var source = Pick(SourceWeights);
            var inputs = ScoringInputs.Create(
                _random.Next(0, ScoringInputs.MaxIndustryMatch + 1), (BudgetStatus)_random.Next(3), (DecisionMakerLevel)_random.Next(3),
                (Urgency)_random.Next(3), _random.Next(4) == 0);

            var path = PathTo(target);
            var followUps = target == OpportunityStage.Lead && _random.Next(4) == 0 ? 0 : _random.Next(1, 6);
            var end = target.IsClosed()
                ? now.AddDays(-_random.Next(1, 60)).AddMinutes(-_random.Next(0, 600))
                : _random.NextDouble() < 0.22
                    ? now.AddDays(-_random.Next(8, 31)).AddMinutes(-_random.Next(0, 600))
                    : now.AddMinutes(-_random.Next(30, 6 * 24 * 60));
            var span = path.Count + followUps == 0 ? TimeSpan.Zero : TimeSpan.FromDays(_random.Next(2, 60)) + TimeSpan.FromMinutes(_random.Next(0, 600));
            var created = end - span;

            var customerId = DemoIds.Customer(customer.Number);
            var opportunity = Opportunity.Open(
                DemoIds.Opportunity(number), tenant, shop, customerId, contacts.TryGetValue(customerId, out var contact) ? contact : null,
                customer.Owner!.Value, $"{quantity} 块{product} — {purpose}", Money.Create(amount), Day(created.AddDays(_random.Next(30, 120))),
                source, inputs, ScoringRules.Default, created);

            // The last event is the closing move of a closed deal, or the latest follow-up of an open one.
            var order = new List<bool>(); // true: a move, false: a follow-up
            if (path.Count + followUps > 0)
            {
                var lastIsMove = target.IsClosed() || followUps == 0;
                order.AddRange(Enumerable.Repeat(true, path.Count - (lastIsMove ? 1 : 0))
                    .Concat(Enumerable.Repeat(false, followUps - (lastIsMove ? 0 : 1)))
                    .OrderBy(_ => _random.Next()));
                order.Add(lastIsMove);
            }

            var times = Enumerable.Range(0, Math.Max(0, order.Count - 1))
                .Select(_ => DemoClock.Minute(created + (span * _random.NextDouble())))
                .Order()
                .Append(end)
                .ToList();

            var nextStage = 0;
            for (var i = 0; i < order.Count; i++)
            {
                if (order[i])
                {
                    var stage = path[nextStage++];
                    var giveSummary = stage == OpportunityStage.NeedsAnalysis && _random.Next(2) == 0;
                    Move(opportunity, stage, times[i], giveSummary || (stage.IsOpen() && stage >= OpportunityStage.Proposal) ? summary : null);
                }
                else
                {
                    var channel = (FollowUpChannel)_random.Next(Enum.GetValues<FollowUpChannel>().Length);
                    var notes = Notes[channel];
                    var isLatest = i == order.Count - 1 && !target.IsClosed();
                    FollowUp(opportunity, times[i], channel, notes[_random.Next(notes.Length)], isLatest ? Day(times[i].AddDays(_random.Next(2, 10))) : null);
                }
            }

            if (target == OpportunityStage.Won && _random.Next(2) == 0)
            {
                FollowUp(opportunity, DemoClock.Minute(end + ((now - end) * _random.NextDouble())), FollowUpChannel.Call, AfterSalesNotes[_random.Next(AfterSalesNotes.Length)]);
            }

            return Done(opportunity);
        }

        /// <summary>The stages after Lead on the way to the target; a few deals step back once, some won deals skip First contact.</summary>
        private List<OpportunityStage> PathTo(OpportunityStage target)
        {
            var reached = target switch
            {
                OpportunityStage.Won => OpportunityStage.Negotiation,
                OpportunityStage.Lost => (OpportunityStage)_random.Next((int)OpportunityStage.Negotiation + 1),
                _ => target,
            };
            var path = OpportunityStages.Open.Where(s => s > OpportunityStage.Lead && s <= reached).ToList();
            if (target == OpportunityStage.Won && _random.Next(10) < 3)
            {
                path.Remove(OpportunityStage.FirstContact);
            }

            if (target.IsOpen() && target >= OpportunityStage.NeedsAnalysis && _random.Next(100) < 12)
            {
                path.Add(target - 1);
                path.Add(target);
            }

            if (target.IsClosed())
            {
                path.Add(target);
            }

            return path;
        }

        /// <summary>5,000 to 500,000 CNY, spread evenly on a log scale, in hundreds.</summary>
        private decimal Amount()
        {
            var log = Math.Log(5_000) + (_random.NextDouble() * (Math.Log(500_000) - Math.Log(5_000)));
            return Math.Clamp(Math.Round((decimal)Math.Exp(log) / 100m) * 100m, 5_000m, 500_000m);
        }

        private T Pick<T>((T Value, int Weight)[] weighted)
        {
            var roll = _random.Next(weighted.Sum(w => w.Weight));
            foreach (var (value, weight) in weighted)
            {
                if (roll < weight)
                {
                    return value;
                }

                roll -= weight;
            }

            return weighted[^1].Value;
        }
    }
}
