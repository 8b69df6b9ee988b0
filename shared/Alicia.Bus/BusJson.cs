using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alicia.Contracts;

namespace Alicia.Bus;

/// <summary>
/// Source-generated JSON for envelopes and every payload type a process uses: the shared contracts
/// plus the contexts services add with <c>AddBusJson</c>. Asking for a type nobody registered fails
/// at start-up (when routes are declared), not on the first message.
/// </summary>
public sealed class BusJson
{
    public BusJson(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        Options = new JsonSerializerOptions(ContractsJson.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([ContractsJson.Default, .. resolvers]),
        };
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }

    public JsonTypeInfo<T> TypeInfo<T>() =>
        Options.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no JSON metadata: add its JsonSerializerContext with AddBusJson.");

    public JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, TypeInfo<T>());

    public T FromElement<T>(JsonElement element) =>
        element.Deserialize(TypeInfo<T>()) ?? throw new JsonException($"payload is null, expected {typeof(T).Name}");
}
