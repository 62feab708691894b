namespace Ingestor.Normalization.Salaries;

/// <summary>A pay range as stated: <see cref="Period"/> is year, month, week, day or hour; <see cref="Raw"/> is the passage it came from.</summary>
public sealed record ParsedSalary(
    decimal Min,
    decimal Max,
    string Currency,
    string Period,
    string Raw,
    double Confidence);
