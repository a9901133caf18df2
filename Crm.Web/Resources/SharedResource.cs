namespace Crm.Web.Resources;

/// <summary>Anchor type of the shared resources (SharedResource.resx, SharedResource.zh-CN.resx).</summary>
public sealed class SharedResource;
