/// Phrase lists every category's templates may use, and sentence material shared by all.
enum SharedSlots {
    /// Slot name → phrases, available to every category.
    static let lists: [String: [String]] = [
        "tone": [
            "friendly", "formal", "persuasive", "playful", "concise", "professional", "empathetic",
            "witty", "academic", "casual", "confident", "warm", "neutral", "enthusiastic", "direct",
        ],
        "audience": [
            "beginners", "busy professionals", "college students", "small business owners", "developers",
            "parents", "teenagers", "senior executives", "non-native speakers", "marketers", "teachers",
            "first-time founders", "retirees", "product managers", "freelancers",
        ],
        "format": [
            "a bulleted list", "a markdown table", "a numbered checklist", "short paragraphs", "JSON",
            "a step-by-step guide", "an outline", "a one-page summary", "a table with three columns",
            "plain text without markdown", "a Q&A", "a short email",
        ],
        "length": [
            "50 words", "100 words", "300 words", "one paragraph", "three paragraphs",
            "under 280 characters", "500 words", "five bullet points", "two sentences", "one page",
        ],
        "verb": [
            "Write", "Create", "Explain", "Use", "Include", "Avoid", "Keep", "Focus on", "Provide",
            "List", "Suggest", "Describe", "Make sure", "Add", "Start with", "End with", "Highlight",
            "Compare", "Summarize", "Rewrite", "Check", "Identify", "Give me", "Outline", "Draft",
        ],
    ]

    /// Sentences any prompt may contain.
    static let instructions = [
        "Respond in {format}.",
        "Keep the answer under {length}.",
        "Use a {tone} tone that works for {audience}.",
        "Ask me clarifying questions before you start if anything is unclear.",
        "Do not include explanations unless I ask for them.",
        "Write for {audience} and avoid jargon.",
        "If you make assumptions, list them at the end.",
        "My first request is: {var}",
        "Replace {var} with the details I give you.",
        "Use \"{word}\" and \"{any}\" as keywords.",
        "Think step by step and show your reasoning.",
        "Wait for my input before continuing.",
        "Give {n} options and rank them from best to worst.",
        "Format the output as {format}.",
        "End with a one-line summary — no more than {n} words.",
        "Focus on {word}, {word} and {any}.",
    ]

    /// Template variables as prompt libraries write them.
    static let variables = [
        "[TOPIC]", "[PRODUCT]", "[AUDIENCE]", "{{product_name}}", "{{topic}}", "[INSERT TEXT]",
        "{{language}}", "[YOUR NAME]", "{{company}}", "[KEYWORD]", "<paste here>", "{{tone}}",
    ]
}
