#!/bin/sh
export TAVILY_API_KEY='{{key}}'
exec node server.js
