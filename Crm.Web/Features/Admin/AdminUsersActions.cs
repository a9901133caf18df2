using System.Collections.Immutable;

namespace Crm.Web.Features.Admin;

public sealed record LoadUsersAction;

public sealed record LoadUsersSucceededAction(ImmutableList<UserRow> Users);

/// <summary>Creates a user when <paramref name="UserId"/> is null, otherwise updates that user.</summary>
public sealed record SaveUserAction(Guid? UserId, UserInput Input);

public sealed record SaveUserSucceededAction;

public sealed record SaveUserFailedAction(string Reason);

public sealed record SetUserDisabledAction(Guid UserId, bool Disabled);

public sealed record SetUserDisabledSucceededAction;

public sealed record SetUserDisabledFailedAction(string Reason);

public sealed record ClearSaveErrorAction;
