export const tavilyKey = process.env.TAVILY_API_KEY || "{{key}}";
