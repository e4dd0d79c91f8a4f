using Filing.Core.Calendar;

namespace Filing.Core.Register;

/// <summary>
/// Configuration: documents of <see cref="IssuingAuthorityId"/> are filed with <see cref="RecipientId"/> within
/// <see cref="Period"/> of publication. Data, seeded from <c>corpus/demo</c> or set by an administrator.
/// </summary>
public sealed class FilingRequirement
{
    private FilingRequirement()
    {
    }

    /// <summary>Creates the requirement.</summary>
    public FilingRequirement(Guid id, Guid issuingAuthorityId, Guid recipientId, Period period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(period.Length);
        Id = id;
        IssuingAuthorityId = issuingAuthorityId;
        RecipientId = recipientId;
        PeriodLength = period.Length;
        PeriodUnit = period.Unit;
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The issuing authority whose documents are filed.</summary>
    public Guid IssuingAuthorityId { get; private set; }

    /// <summary>The oversight body.</summary>
    public Guid RecipientId { get; private set; }

    /// <summary>Period length.</summary>
    public int PeriodLength { get; private set; }

    /// <summary>Period unit.</summary>
    public PeriodUnit PeriodUnit { get; private set; }

    /// <summary>The filing period.</summary>
    public Period Period => new(PeriodLength, PeriodUnit);
}
