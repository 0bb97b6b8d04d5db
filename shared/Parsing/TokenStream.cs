using System.Diagnostics;

namespace Ingest.Parsing;

/// <summary>Helpers the table readers share over a page's tokens.</summary>
internal static class TokenStream
{
    /// <summary>The value cells directly after <paramref name="labelIndex"/>, up to <paramref name="max"/>.</summary>
    public static List<CellValue> ValuesAfter(IReadOnlyList<PageToken> tokens, int labelIndex, int max)
    {
        var values = new List<CellValue>(Math.Min(max, 16));
        for (var j = labelIndex + 1; j < tokens.Count && values.Count < max; j++)
        {
            var value = tokens[j].Value;
            if (!value.IsValue)
            {
                break;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>Labels are short; a long token is a sentence that merely mentions the words.</summary>
    public static string? Label(PageToken token, int maxLength = 60)
    {
        Debug.Assert(maxLength * 2 <= PageToken.MaxLabelSourceLength, "the token's label key is only computed up to this length");
        return token.Text.Length > maxLength * 2 ? null : token.LabelKey is { Length: > 0 } key && key.Length <= maxLength ? key : null;
    }
}
