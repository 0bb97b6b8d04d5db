using System.Diagnostics.CodeAnalysis;

namespace Ingest.Functions.Hosting.Invocation;

/// <summary>A value read from a host payload, or why it could not be read.</summary>
public sealed record Decoded<T>
    where T : class
{
    private Decoded(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

#pragma warning disable CA1000 // Factory members on the generic type read best at the call site.
    public static Decoded<T> Ok(T value) => new(value, null);

    public static Decoded<T> Fail(string error) => new(null, error);
#pragma warning restore CA1000
}
