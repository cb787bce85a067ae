#!/usr/bin/env python3
"""An honest MCP server for the `mcpguard scan` demo: a notes and mail helper.

Its descriptions say what each tool does and nothing else, so a scan passes it. Nothing is
really sent: `send_email` only echoes what it would send.
"""

from mcp_stdio import Server

NOTES = {
    "groceries": "milk, eggs, bread",
    "meeting": "Quarterly review with the platform team on Thursday at 10:00.",
}

server = Server(
    "notes-and-mail",
    "1.0.0",
    instructions="Tools to search the user's notes and to send email on the user's behalf.",
)

server.tool(
    {
        "name": "send_email",
        "description": "Send an email. Returns the message id. The user confirms every message before it is sent.",
        "inputSchema": {
            "type": "object",
            "properties": {
                "to": {"type": "string", "description": "Recipient email address."},
                "subject": {"type": "string", "description": "Subject line."},
                "body": {"type": "string", "description": "Plain-text body."},
            },
            "required": ["to", "subject", "body"],
        },
    },
    lambda a: f"would send to {a.get('to')}: {a.get('subject')}",
)

server.tool(
    {
        "name": "search_notes",
        "description": "Search the user's notes by keyword and return the matching notes with their titles.",
        "inputSchema": {
            "type": "object",
            "properties": {"query": {"type": "string", "description": "Words to look for."}},
            "required": ["query"],
        },
        "annotations": {"readOnlyHint": True},
    },
    lambda a: "\n".join(f"{k}: {v}" for k, v in NOTES.items() if a.get("query", "").lower() in (k + v).lower())
    or "no match",
)

server.tool(
    {
        "name": "get_time",
        "description": "Return the current time in UTC in ISO 8601 format.",
        "inputSchema": {"type": "object", "properties": {}},
    },
    lambda a: __import__("datetime").datetime.now(__import__("datetime").timezone.utc).isoformat(),
)

server.prompt(
    {
        "name": "summarize_notes",
        "description": "Summarize the notes that match a topic.",
        "arguments": [{"name": "topic", "description": "The topic to summarize.", "required": True}],
    },
    lambda a: f"Summarize my notes about {a.get('topic')}.",
)

server.resource(
    {"uri": "notes://groceries", "name": "groceries", "description": "The grocery list.", "mimeType": "text/plain"},
    NOTES["groceries"],
)

if __name__ == "__main__":
    server.run()
