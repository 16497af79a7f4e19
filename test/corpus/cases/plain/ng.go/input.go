package main

const tavilyKey = `{{key}}`
