import os

os.environ["TAVILY_API_KEY"] = "{{key}}"
