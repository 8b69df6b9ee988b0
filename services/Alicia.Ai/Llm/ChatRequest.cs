namespace Alicia.Ai.Llm;

/// <summary>The body of <c>POST {BaseUrl}/chat/completions</c> (OpenAI chat completions with function tools).</summary>
public sealed record ChatRequest(
    string Model,
    IReadOnlyList<ChatMessage> Messages,
    IReadOnlyList<ChatTool> Tools,
    string ToolChoice = "auto",
    double Temperature = 0,
    bool Stream = false);
