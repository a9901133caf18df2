using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Crm.Domain.Notifications;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>
/// What every production reducer and feature state promises (ARCHITECTURE §6, STYLE §6): immutable states,
/// static reducers named On&lt;Action&gt;, and purity: the input is left as it was, the same input gives an equal output.
/// </summary>
public sealed class ReducerContractTests
{
    private static readonly Assembly Web = typeof(CrmServices).Assembly;

    private static readonly NotificationItem Unread = Samples.Notification();
    private static readonly NotificationItem Read = Samples.Notification(isRead: true);
    private static readonly ShopOption Tmall = Samples.Shop("Tmall");
    private static readonly ShopOption Jd = Samples.Shop("JD");
    private static readonly UserRow SomeUser = Samples.User();

    // Shared, so that two states built from them are equal as records (lists compare by reference).
    private static readonly ImmutableList<ShopOption> TwoShops = [Tmall, Jd];
    private static readonly ImmutableList<NotificationItem> UnreadAndRead = [Unread, Read];
    private static readonly ImmutableList<UserRow> OneUser = [SomeUser];

    /// <summary>Each call builds a fresh, equal instance, so a reducer cannot share it between two runs.</summary>
    private static readonly Dictionary<Type, Func<object>[]> States = new()
    {
        [typeof(ShellState)] =
        [
            () => new ShellState(),
            () => new ShellState { Shops = TwoShops, SelectedShopId = Jd.Id, IsDarkMode = true },
        ],
        [typeof(NotificationsState)] =
        [
            () => new NotificationsState(),
            () => new NotificationsState { Items = UnreadAndRead, IsLoading = true },
        ],
        [typeof(AdminUsersState)] =
        [
            () => new AdminUsersState(),
            () => new AdminUsersState { Users = OneUser, IsLoading = true, IsSaving = true, SaveError = "x", SavedCount = 1 },
        ],
    };

    private static readonly object[] Actions =
    [
        new ToggleDarkModeAction(),
        new ToggleDrawerAction(),
        new LoadShopsAction(),
        new LoadShopsSucceededAction([Tmall]),
        new SelectShopAction(Tmall.Id),
        new SelectShopAction(Jd.Id),
        new SelectShopAction(null),
        new LoadNotificationsAction(),
        new LoadNotificationsSucceededAction([Read]),
        new MarkNotificationReadAction(Unread.Id),
        new MarkNotificationReadAction(Read.Id),
        new MarkAllNotificationsReadAction(),
        new NotificationReceivedRemotelyAction(Samples.Notification()),
        new NotificationReceivedRemotelyAction(Unread),
        new LoadUsersAction(),
        new LoadUsersSucceededAction([SomeUser]),
        new SaveUserAction(null, Samples.Input()),
        new SaveUserAction(SomeUser.Id, Samples.Input()),
        new SaveUserSucceededAction(),
        new SaveUserFailedAction("Refused."),
        new ClearSaveErrorAction(),
        new SetUserDisabledAction(SomeUser.Id, true),
        new EffectFailedAction(new LoadNotificationsAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new LoadUsersAction(), new InvalidOperationException("x")),
        new EffectFailedAction(new SaveUserAction(null, Samples.Input()), new InvalidOperationException("x")),
        new EffectFailedAction(new LoadShopsAction(), new InvalidOperationException("x")),
    ];

    public static TheoryData<string> Reducers()
    {
        var data = new TheoryData<string>();
        foreach (var reducer in ReducerMethods())
        {
            data.Add($"{reducer.DeclaringType!.Name}.{reducer.Name}");
        }

        return data;
    }

    public static TheoryData<string> FeatureStates()
    {
        var data = new TheoryData<string>();
        foreach (var state in Web.GetTypes().Where(t => t.GetCustomAttribute<FeatureStateAttribute>() is not null))
        {
            data.Add(state.FullName!);
        }

        return data;
    }

    [Fact]
    public void WhenTheWebAssemblyIsScanned_TheProductionSlicesAreFound()
    {
        var registry = new StoreRegistry(Web);

        registry.FeatureTypes.ShouldBe([typeof(AdminUsersState), typeof(NotificationsState), typeof(ShellState)], ignoreOrder: true);
        ReducerMethods().Count().ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void WhenAReducerIsDeclared_ItIsStaticAndNamedOnItsAction(string name)
    {
        var reducer = Find(name);
        var actionName = reducer.GetParameters()[1].ParameterType.Name;

        reducer.IsStatic.ShouldBeTrue();
        actionName.ShouldEndWith("Action");
        reducer.Name.ShouldBe("On" + actionName[..^"Action".Length]);
    }

    [Theory]
    [MemberData(nameof(Reducers))]
    public void WhenAReducerRunsTwiceOnEqualInput_ItLeavesTheInputAsItWasAndGivesEqualOutput(string name)
    {
        var reducer = Find(name);
        var stateType = reducer.ReturnType;
        var actionType = reducer.GetParameters()[1].ParameterType;
        var actions = Actions.Where(actionType.IsInstanceOfType).ToList();
        actions.ShouldNotBeEmpty($"add a sample {actionType.Name} to {nameof(ReducerContractTests)}.{nameof(Actions)}");
        States.ShouldContainKey(stateType, $"add sample {stateType.Name}s to {nameof(ReducerContractTests)}.{nameof(States)}");

        foreach (var sample in States[stateType])
        {
            foreach (var action in actions)
            {
                var input = sample();
                var untouched = sample();
                input.ShouldBe(untouched);

                var first = reducer.Invoke(null, [input, action]);
                var second = reducer.Invoke(null, [sample(), action]);

                Structural.Equivalent(input, untouched).ShouldBeTrue($"{name} changed its input for {action}");
                first.ShouldNotBeNull();
                Structural.Equivalent(first, second).ShouldBeTrue($"{name} gave different output for equal input and {action}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FeatureStates))]
    public void WhenAFeatureStateIsDeclared_ItIsASealedRecordOfImmutableValues(string name)
    {
        var state = Web.GetType(name, throwOnError: true)!;

        state.IsSealed.ShouldBeTrue();
        state.GetConstructor(Type.EmptyTypes).ShouldNotBeNull("the parameterless constructor gives the initial state");
        state.GetMethod("<Clone>$").ShouldNotBeNull("a feature state is a record");
        AssertImmutable(state, [], name);
    }

    private static void AssertImmutable(Type type, HashSet<Type> seen, string path)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(TimeSpan))
        {
            return;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            AssertImmutable(underlying, seen, path);
            return;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            type.Namespace.ShouldBe(typeof(ImmutableList).Namespace, $"{path} must be an immutable collection, not {type.Name}");
            foreach (var argument in type.GetGenericArguments())
            {
                AssertImmutable(argument, seen, $"{path}<{argument.Name}>");
            }

            return;
        }

        if (type.IsInterface || type.IsAbstract)
        {
            // The sample data are checked instead: an interface says nothing about its implementation.
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            field.IsInitOnly.ShouldBeTrue($"{path}.{field.Name} must be read-only");
            AssertImmutable(field.FieldType, seen, $"{path}.{field.Name}");
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            var setter = property.SetMethod;
            var initOnly = setter?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) ?? true;
            initOnly.ShouldBeTrue($"{path}.{property.Name} must be init-only");
        }
    }

    private static IEnumerable<MethodInfo> ReducerMethods() =>
        Web.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<ReducerMethodAttribute>() is not null);

    private static MethodInfo Find(string name) =>
        ReducerMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
}
