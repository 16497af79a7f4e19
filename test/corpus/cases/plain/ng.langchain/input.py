from langchain_community.tools.tavily_search import TavilySearchResults

search = TavilySearchResults(max_results=3, tavily_api_key='{{key}}')
