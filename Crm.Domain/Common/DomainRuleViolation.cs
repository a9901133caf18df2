namespace Crm.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Code"/> is stable (for tests, logs and the
/// localized message the UI shows); <see cref="Arguments"/> fill the placeholders of that message.
/// </summary>
public sealed class DomainRuleViolation : Exception
{
    public DomainRuleViolation(string code, string message, params object[] arguments)
        : base(message)
    {
        Code = code;
        Arguments = arguments;
    }

    public DomainRuleViolation()
        : this("domain.rule", "A business rule was violated.")
    {
    }

    public DomainRuleViolation(string message)
        : this("domain.rule", message)
    {
    }

    public DomainRuleViolation(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain.rule";
        Arguments = [];
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }
}
