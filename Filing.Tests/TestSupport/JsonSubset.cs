using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Filing.Tests.TestSupport;

/// <summary>
/// Compares an expected JSON document with an actual one using subset semantics, as golden files need:
/// every property present in the expected object must be present and match in the actual object (extra actual
/// properties are ignored); arrays must have the same length and match element by element (recursively, so
/// elements are subsets too); scalars must be equal (numbers by value). Properties whose name starts with <c>$</c>
/// (e.g. <c>"$comment"</c>) are notes for humans and are not compared.
/// </summary>
public static class JsonSubset
{
    /// <summary>Every difference, one line each, as <c>$.path: expected …, actual …</c>; empty when the actual document matches.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    differences.Add($"{path}: expected null, actual {Show(actual)}");
                }

                return;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    differences.Add($"{path}: expected an object, actual {Show(actual)}");
                    return;
                }

                foreach (var (name, value) in expectedObject)
                {
                    if (name.StartsWith('$'))
                    {
                        continue;
                    }

                    var childPath = $"{path}.{name}";
                    if (!actualObject.TryGetPropertyValue(name, out var actualChild))
                    {
                        differences.Add($"{childPath}: expected {Show(value)}, actual has no such property");
                        continue;
                    }

                    Compare(value, actualChild, childPath, differences);
                }

                return;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    differences.Add($"{path}: expected an array of {expectedArray.Count}, actual {Show(actual)}");
                    return;
                }

                if (expectedArray.Count != actualArray.Count)
                {
                    differences.Add($"{path}: expected {expectedArray.Count} elements, actual {actualArray.Count}: {Show(actualArray)}");
                }

                for (var i = 0; i < Math.Min(expectedArray.Count, actualArray.Count); i++)
                {
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", differences);
                }

                return;
            case JsonValue expectedValue:
                if (actual is not JsonValue actualValue || !ScalarEquals(expectedValue, actualValue))
                {
                    differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");
                }

                return;
        }
    }

    private static bool ScalarEquals(JsonValue expected, JsonValue actual)
    {
        var e = expected.GetValueKind();
        var a = actual.GetValueKind();
        if (e == JsonValueKind.Number && a == JsonValueKind.Number)
        {
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (e != a)
        {
            return false;
        }

        return e switch
        {
            JsonValueKind.String => string.Equals(expected.GetValue<string>(), actual.GetValue<string>(), StringComparison.Ordinal),
            _ => expected.ToJsonString() == actual.ToJsonString(),
        };
    }

    private static readonly JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Show(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var text = node.ToJsonString(Readable);
        return text.Length <= 160 ? text : text[..160] + "…";
    }
}
