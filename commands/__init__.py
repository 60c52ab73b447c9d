"""Click commands, one module per area; ``phakhi.cli`` assembles them."""
