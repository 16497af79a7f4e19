export TAVILY_API_KEY=tvly-${TAVILY_API_KEY}
curl -H "Authorization: Bearer tvly-$KEY"
