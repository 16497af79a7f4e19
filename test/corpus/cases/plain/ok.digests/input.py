CACHE = {
    "tvly-{{32:0cc175b9c0f1b6a831c399e269772661}}": "a",
    "tvly-{{40:356a192b7913b04c54574d18c28d46e6395428ab}}": "b",
}
request_id = "tvly-550e8400-e29b-41d4-a716-446655440000"
