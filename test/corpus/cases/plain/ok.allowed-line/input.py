KEY = "{{key}}"  # tvly-guard:allow
