from tavily import TavilyClient

client = TavilyClient(api_key="{{key}}")
results = client.search("who won the match")
