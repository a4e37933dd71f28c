namespace MlConnector.Connectors.Procurify.Streams;

/// <summary>Days <paramref name="From"/> to <paramref name="To"/>, both inclusive, as Procurify's <c>_0</c>/<c>_1</c> filters take them; null is open.</summary>
public readonly record struct DaySlice(DateOnly? From, DateOnly? To);
