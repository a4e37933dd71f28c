using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using MlConnector.Simulators.Stedi.Model;

namespace MlConnector.Simulators.Stedi;

/// <summary>The account's state: partnerships, control numbers, the 24-hour idempotency window, transactions and deliveries.</summary>
public sealed class StediStore(TimeProvider time)
{
    /// <summary>How long Stedi remembers an Idempotency-Key (documented: 24 hours).</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimPartnership> _partnerships = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _controlNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdempotencyEntry> _idempotency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SimInterchange> _interchanges = new();
    private readonly ConcurrentQueue<SimDelivery> _deliveries = new();
    private readonly ConcurrentQueue<string> _errorQueue = new();

    public TimeProvider Time => time;

    public IReadOnlyList<SimInterchange> Interchanges => [.. _interchanges];

    public IReadOnlyList<SimDelivery> Deliveries => [.. _deliveries];

    /// <summary>Event ids that exhausted their retries (Stedi's error queue).</summary>
    public IReadOnlyList<string> ErrorQueue => [.. _errorQueue];

    public IReadOnlyList<SimTransaction> Transactions => [.. _transactions.Values.OrderBy(t => t.ProcessedAt)];

    public SimPartnership AddPartnership(string partnershipId, string partnerIsaId, string localIsaId = "MLCBUYER")
    {
        var partnership = new SimPartnership(partnershipId, "me", partnershipId.Split('_').Last(), localIsaId, partnerIsaId);
        lock (_gate)
        {
            _partnerships[partnershipId] = partnership;
        }

        return partnership;
    }

    public SimPartnership? Partnership(string partnershipId)
    {
        lock (_gate)
        {
            return _partnerships.GetValueOrDefault(partnershipId);
        }
    }

    public IReadOnlyList<SimPartnership> Partnerships()
    {
        lock (_gate)
        {
            return [.. _partnerships.Values.OrderBy(p => p.PartnershipId, StringComparer.Ordinal)];
        }
    }

    /// <summary>The next interchange control number of a partnership (ISA13 / GS06), starting at 1.</summary>
    public int NextControlNumber(string partnershipId)
    {
        lock (_gate)
        {
            var next = _controlNumbers.GetValueOrDefault(partnershipId) + 1;
            _controlNumbers[partnershipId] = next;
            return next;
        }
    }

    /// <summary>Claims a key: a fresh key is reserved (in flight) for this body; a known one says what it holds.</summary>
    public IdempotencyClaim Claim(string key, string bodyHash)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_idempotency.TryGetValue(key, out var entry) && now - entry.At < IdempotencyWindow)
            {
                if (!string.Equals(entry.BodyHash, bodyHash, StringComparison.Ordinal))
                {
                    return IdempotencyClaim.Conflict;
                }

                return entry.Response is null ? IdempotencyClaim.InFlight : IdempotencyClaim.Replay(entry.Status, entry.Response);
            }

            _idempotency[key] = new IdempotencyEntry(bodyHash, now, null, 0);
            return IdempotencyClaim.Fresh;
        }
    }

    /// <summary>Stores the answer a claimed key replays; a failed request (4xx/5xx) frees the key so it can be retried.</summary>
    public void Complete(string key, int status, string response)
    {
        lock (_gate)
        {
            if (!_idempotency.TryGetValue(key, out var entry))
            {
                return;
            }

            if (status >= 400)
            {
                _idempotency.Remove(key);
                return;
            }

            _idempotency[key] = entry with { Response = response, Status = status };
        }
    }

    public void AddInterchange(SimInterchange interchange) => _interchanges.Enqueue(interchange);

    public void AddTransaction(SimTransaction transaction) => _transactions[transaction.TransactionId] = transaction;

    public SimTransaction? Transaction(string transactionId) => _transactions.GetValueOrDefault(transactionId);

    public void AddDelivery(SimDelivery delivery) => _deliveries.Enqueue(delivery);

    public void AddToErrorQueue(string eventId) => _errorQueue.Enqueue(eventId);

    public static string NewId() => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A ULID (Crockford base32: 48-bit time, 80 random bits), the shape of the ids Stedi generates for settings and guides.</summary>
    public static string NewUlid()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var time = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var chars = new char[26];
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(time & 31)];
            time >>= 5;
        }

        var random = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        for (var i = 10; i < 26; i++)
        {
            chars[i] = alphabet[random[i - 10] & 31];
        }

        return new string(chars);
    }

    private sealed record IdempotencyEntry(string BodyHash, DateTimeOffset At, string? Response, int Status);
}

/// <summary>What a claimed Idempotency-Key holds.</summary>
public sealed record IdempotencyClaim(IdempotencyState State, int Status = 0, string? Response = null)
{
    public static IdempotencyClaim Fresh { get; } = new(IdempotencyState.Fresh);

    public static IdempotencyClaim InFlight { get; } = new(IdempotencyState.InFlight);

    public static IdempotencyClaim Conflict { get; } = new(IdempotencyState.Conflict);

    public static IdempotencyClaim Replay(int status, string response) => new(IdempotencyState.Replay, status, response);
}

public enum IdempotencyState
{
    Fresh,
    InFlight,
    Conflict,
    Replay,
}
