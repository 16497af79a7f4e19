import { TavilyClient } from "@acme/tvly-python-client-generated-2024";
const id = "tvly-searchResultsPanelHeaderTitle";
const TVLY_API_KEY_FOR_PRODUCTION_DEPLOYMENTS = process.env.TAVILY_API_KEY;
const hook = "tvly-guard-pre-commit-hook-version-2";
