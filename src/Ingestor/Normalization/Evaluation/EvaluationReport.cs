namespace Ingestor.Normalization.Evaluation;

public sealed record FieldScore(string Field, int Correct, int Total)
{
    public double Accuracy => Total == 0 ? 1.0 : (double)Correct / Total;
}

public sealed record Miss(string Input, string Expected, string Got);

/// <summary>How a parser did on a labeled set: per-field scores, every miss, and the share of cases right in every field.</summary>
public sealed record EvaluationReport(IReadOnlyList<FieldScore> Fields, IReadOnlyList<Miss> Misses, int Cases, int CasesRight)
{
    public double Accuracy => Cases == 0 ? 1.0 : (double)CasesRight / Cases;

    public FieldScore Field(string name) => Fields.Single(f => f.Field == name);

    public void WriteTo(TextWriter output)
    {
        foreach (var field in Fields)
            output.WriteLine($"{field.Field,-16} {field.Correct,5}/{field.Total,-5} {field.Accuracy:0.000}");
        foreach (var miss in Misses)
            output.WriteLine($"miss: {miss.Input}\n  expected: {miss.Expected}\n  got:      {miss.Got}");
        output.WriteLine($"cases: {CasesRight}/{Cases} right");
        output.WriteLine(FormattableString.Invariant($"accuracy: {Accuracy:0.000}"));
    }
}
