using System.Text.Encodings.Web;
using System.Text.Json;

namespace Filing.Core.Feeds;

/// <summary>
/// One public event of the register (登记簿动态): a publication, amendment, repeal, expiry, public filing outcome or
/// cleanup publication. Events are written in the same transaction as the change that causes them and never change
/// afterwards; <see cref="Sequence"/> is their commit order, which the change log pages by. The fields are a snapshot of
/// public facts at the time (title, numbers, authority, dates); <see cref="Data"/> holds the type-specific public part
/// as a JSON object. Build them with <see cref="RegisterEvents"/>.
/// </summary>
public sealed class RegisterEvent
{
    private static long _localOrder;

    internal static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private RegisterEvent()
    {
        Type = "";
        Summary = "";
        Data = "{}";
    }

    internal RegisterEvent(string type, DateTimeOffset recordedAt, DateOnly? effectiveOn, string summary, object data)
    {
        Id = Guid.CreateVersion7(recordedAt);
        Type = type;
        RecordedAt = recordedAt;
        EffectiveOn = effectiveOn;
        Summary = summary;
        Data = JsonSerializer.Serialize(data, data.GetType(), DataJson);
        LocalOrder = Interlocked.Increment(ref _localOrder);
    }

    /// <summary>Stable id (used as the Atom entry id and the webhook <c>X-Filing-Event-Id</c>).</summary>
    public Guid Id { get; private set; }

    /// <summary>Position in commit order, assigned when the event is saved (0 before). Gap-free and strictly increasing.</summary>
    public long Sequence { get; private set; }

    /// <summary>One of <see cref="RegisterEventTypes"/>.</summary>
    public string Type { get; private set; }

    /// <summary>When the event was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The legal date it refers to: publication date, the first day a repeal or expiry applies, the review day….</summary>
    public DateOnly? EffectiveOn { get; private set; }

    /// <summary>The document concerned, if any.</summary>
    public Guid? DocumentId { get; private set; }

    /// <summary>Its title at the time.</summary>
    public string? DocumentTitle { get; private set; }

    /// <summary>Its 发文字号 at the time.</summary>
    public string? DocumentNumber { get; private set; }

    /// <summary>Its 统一编号.</summary>
    public string? UnifiedNumber { get; private set; }

    /// <summary>The issuing authority (制定机关).</summary>
    public Guid? IssuingAuthorityId { get; private set; }

    /// <summary>Its name.</summary>
    public string? IssuingAuthorityName { get; private set; }

    /// <summary>One readable Chinese sentence saying what happened (feed entry text).</summary>
    public string Summary { get; private set; }

    /// <summary>Type-specific public data, a JSON object.</summary>
    public string Data { get; private set; }

    /// <summary>Set for events that must be recorded at most once (e.g. an expiry); unique when not null.</summary>
    public string? DedupeKey { get; private set; }

    /// <summary>Creation order within this process, so that events made by one change get sequences in the order made.</summary>
    public long LocalOrder { get; }

    /// <summary>Assigns the commit-order position (done once, by the unit of work that saves the event).</summary>
    /// <exception cref="InvalidOperationException">The event already has one.</exception>
    public void AssignSequence(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (Sequence != 0)
        {
            throw new InvalidOperationException($"Event {Id} already has sequence {Sequence}.");
        }

        Sequence = sequence;
    }

    /// <summary>Forgets an assigned sequence after the save that assigned it failed (the transaction gave it back).</summary>
    public void ResetSequence() => Sequence = 0;

    internal RegisterEvent About(Guid? documentId, string? title, string? documentNumber, string? unifiedNumber, Guid? authorityId, string? authorityName)
    {
        DocumentId = documentId;
        DocumentTitle = title;
        DocumentNumber = documentNumber;
        UnifiedNumber = unifiedNumber;
        IssuingAuthorityId = authorityId;
        IssuingAuthorityName = authorityName;
        return this;
    }

    internal RegisterEvent Once(string key)
    {
        DedupeKey = key;
        return this;
    }
}
