const res = await fetch("https://api.tavily.com/search", {
  method: "POST",
  headers: { Authorization: `Bearer {{key}}`, "Content-Type": "application/json" },
});
