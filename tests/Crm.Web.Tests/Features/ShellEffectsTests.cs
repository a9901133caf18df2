using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

public sealed class ShellEffectsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private ShellEffects Effects => new(_app.Get<ShellCommands>());

    [Fact]
    public async Task WhenHeadOfficeLoadsShops_EveryShopOfTheCompanyArrivesByName()
    {
        _app.SignIn(DemoUsers.Admin);

        await Effects.HandleLoadShops(new LoadShopsAction(), _dispatcher);

        var loaded = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<LoadShopsSucceededAction>();
        loaded.Shops.Select(s => s.Id).ShouldBe([DemoIds.AlibabaShop, DemoIds.JdShop, DemoIds.TmallShop]);
    }

    [Fact]
    public async Task WhenARepLoadsShops_OnlyTheirOwnShopArrives()
    {
        _app.SignIn(DemoUsers.Rep1);

        await Effects.HandleLoadShops(new LoadShopsAction(), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<LoadShopsSucceededAction>()
            .Shops.ShouldHaveSingleItem().Name.ShouldBe("天猫旗舰店 Tmall Flagship");
    }

    [Fact]
    public async Task WhenNobodyIsSignedIn_LoadingShopsFailsLoudly()
    {
        // Not caught in the effect: the store reports it to the user (see StoreEffectTests, MainLayoutTests).
        await Should.ThrowAsync<InvalidOperationException>(() => Effects.HandleLoadShops(new LoadShopsAction(), _dispatcher));

        _dispatcher.Actions.ShouldBeEmpty();
    }
}
