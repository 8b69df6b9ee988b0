namespace Alicia.DeviceRegistry.Templates;

/// <summary>One Jinja filter after a pipe, e.g. <c>round(1)</c> or <c>default('off')</c>.</summary>
internal sealed record TemplateFilter(string Name, IReadOnlyList<string> Arguments);
