namespace Ingest.Parsing;

/// <summary>
/// Collects what the readers find, keeping the cell distinctions: numbers (explicit 0 included), blanks,
/// not-applicable cells and stated none ("无", counted as 0). The first value for a key wins; a second,
/// different one is a warning, never an overwrite.
/// </summary>
internal sealed class FigureSet
{
    private readonly Dictionary<string, decimal> _figures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _units = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _blank = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _notApplicable = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _none = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _derived = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _approximate = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conflicted = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public int Count => _figures.Count + _blank.Count + _notApplicable.Count;

    public bool Has(string key) => _figures.ContainsKey(key) || _blank.Contains(key) || _notApplicable.Contains(key);

    public decimal? Get(string key) => _figures.TryGetValue(key, out var value) ? value : null;

    public void SetCell(string key, CellValue cell, string? expectedUnit = null)
    {
        if (Has(key))
        {
            Warnings.Add($"{key}: a second cell for the same figure was ignored");
            return;
        }

        switch (cell.Kind)
        {
            case CellKind.Number:
                _figures[key] = cell.Number;
                if (cell.Unit is { } unit && unit != expectedUnit && unit != "%")
                {
                    _units[key] = unit;
                }

                break;
            case CellKind.None:
                _figures[key] = 0;
                _none.Add(key);
                break;
            case CellKind.Blank:
                _blank.Add(key);
                break;
            case CellKind.NotApplicable:
                _notApplicable.Add(key);
                break;
            case CellKind.Text:
            default:
                break;
        }
    }

    /// <summary>A figure found in running text. Two different values for one key drop both.</summary>
    public void SetProse(string key, decimal value, bool approximate, string? unit = null)
    {
        if (_conflicted.Contains(key))
        {
            return;
        }

        if (_figures.TryGetValue(key, out var existing))
        {
            if (existing != value)
            {
                _figures.Remove(key);
                _approximate.Remove(key);
                _units.Remove(key);
                _conflicted.Add(key);
                Warnings.Add($"{key}: the text gives both {existing} and {value}; neither is kept");
            }

            return;
        }

        _figures[key] = CellValue.Normalise(value);
        if (approximate)
        {
            _approximate.Add(key);
        }

        if (unit is not null)
        {
            _units[key] = unit;
        }
    }

    public void SetDerived(string key, decimal value)
    {
        if (Has(key))
        {
            return;
        }

        _figures[key] = value;
        _derived.Add(key);
    }

    /// <summary>Turns a blank under a section that said "无" into a stated none.</summary>
    public void BlankToNone(string key)
    {
        if (_blank.Remove(key))
        {
            _figures[key] = 0;
            _none.Add(key);
        }
    }

    public IReadOnlyDictionary<string, decimal> Figures => new SortedDictionary<string, decimal>(_figures, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Units => new SortedDictionary<string, string>(_units, StringComparer.Ordinal);

    public IReadOnlyList<string> Blank => [.. _blank];

    public IReadOnlyList<string> NotApplicable => [.. _notApplicable];

    public IReadOnlyList<string> StatedNone => [.. _none];

    public IReadOnlyList<string> Derived => [.. _derived];

    public IReadOnlyList<string> Approximate => [.. _approximate];
}
